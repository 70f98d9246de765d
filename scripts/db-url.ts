import { startEmbeddedPostgres } from '../src/common/database/embedded-postgres';

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
    },
  };
}
