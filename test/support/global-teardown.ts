import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_TEST_DB__?.stop();
  if (process.env.RCF_TEST_PG_DIR) {
    await rm(process.env.RCF_TEST_PG_DIR, { recursive: true, force: true });
    await rm(`${process.env.RCF_TEST_PG_DIR}.password`, { force: true });
  }
}
