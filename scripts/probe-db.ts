import { startEmbeddedPostgres } from '../src/common/database/embedded-postgres';
import { Client } from 'pg';
async function main() {
  const t = Date.now();
  const db = await startEmbeddedPostgres(process.argv[2] ?? '/tmp/probe-pg', 0, console.log);
  console.log('started', Date.now() - t, db.url);
  const c = new Client(db.url); await c.connect(); console.log((await c.query('select version()')).rows[0]); await c.end();
  if (process.argv[3] === 'kill') process.kill(process.pid, 'SIGKILL');
  await db.stop();
}
void main();
