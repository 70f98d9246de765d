import { readFile } from 'node:fs/promises';
import { Pool } from 'pg';
import { connectionFile, startEmbeddedPostgres, type EmbeddedDatabase } from '../src/common/database/embedded-postgres';

/** A database for a script: TEST_DATABASE_URL or DATABASE_URL when set, else a throwaway embedded server. */
export async function scriptDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (url) return { url, stop: () => Promise.resolve() };
  const dir = `${process.env.TMPDIR ?? '/tmp'}/rcf-script-pg-${process.pid}`;
  const db = await startEmbeddedPostgres(dir, 0, (line) => console.error(line));
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      const { rm } = await import('node:fs/promises');
      await rm(dir, { recursive: true, force: true });
      await rm(`${dir}.password`, { force: true });
    },
  };
}

/** The project's database: DATABASE_URL, else the embedded one of a running `npm start`, else the embedded one started here. */
export async function projectDatabase(databaseUrl: string | undefined, embeddedDir: string): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (databaseUrl) return { url: databaseUrl };
  const running = await readFile(connectionFile(embeddedDir), 'utf8').catch(() => undefined);
  if (running) {
    const pool = new Pool({ connectionString: running.trim(), max: 1, connectionTimeoutMillis: 2000 });
    const alive = await pool.query('SELECT 1').then(() => true, () => false);
    await pool.end();
    if (alive) {
      console.log('Seeding the embedded database of the running app.');
      return { url: running.trim() };
    }
  }
  console.log(`Starting the embedded database in ${embeddedDir} to seed it.`);
  const embedded = await startEmbeddedPostgres(embeddedDir, 0, () => undefined);
  return { url: embedded.url, embedded };
}

