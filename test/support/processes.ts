import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';

export const ROOT = path.join(__dirname, '../..');

/** Builds dist/ once per file that starts the app as a process, as `npm run build` does (the dashboard's files included). */
export function buildApp(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/copy-assets.mjs')], { stdio: 'inherit' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunningApi {
  process: ChildProcess;
  base: string;
  output: string[];
  exited: Promise<number | null>;
}

/**
 * `node dist/src/main.js` with an environment as bare as a service manager's (no LANG, no locale)
 * plus this one, its output collected.
 */
function spawnApi(env: Record<string, string>, command: string[]): { child: ChildProcess; output: string[]; exited: Promise<number | null> } {
  const child = spawn(command[0] ?? process.execPath, [...command.slice(1), path.join(ROOT, 'dist/src/main.js')], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', LOG_REQUESTS: 'false', JWT_SECRET: 'a-process-test-secret-long-enough-to-pass', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
}

/** `node dist/src/main.js` with this environment (PORT included), run until it exits by itself. */
export async function runApiUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { output, exited } = spawnApi(env, []);
  const code = await exited;
  return { code, output: output.join('') };
}

/** `node dist/src/main.js` with this environment, once it answers /health/live. */
export async function startApi(env: Record<string, string>, command: string[] = []): Promise<RunningApi> {
  const port = await freePort();
  const { child, output, exited } = spawnApi({ PORT: String(port), ...env }, command);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited: ${output.join('')}`);
    const live = await fetch(`${base}/health/live`).then((r) => r.ok, () => false);
    if (live) return { process: child, base, output, exited };
    if (Date.now() > deadline) throw new Error(`the app did not start: ${output.join('')}`);
    await sleep(200);
  }
}

/**
 * A TCP proxy in front of PostgreSQL that a test can take down (every connection closed, none
 * accepted) or freeze (connections open, nothing forwarded), to see what the app does.
 */
export class DatabaseProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private frozen = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    this.frozen = false;
    for (const socket of this.sockets) socket.resume();
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      if (this.frozen) {
        client.pause();
        upstream.pause();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  freeze(): void {
    this.frozen = true;
    for (const socket of this.sockets) socket.pause();
  }

  url(databaseUrl: string): string {
    const parsed = new URL(databaseUrl);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }
}
