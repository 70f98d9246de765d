import type { ApiClient } from './test-app';

let sequence = 0;
const next = () => ++sequence;

export function anAgency(overrides: Record<string, unknown> = {}) {
  return { name: `Agency ${next()}`, type: 'ngo', ...overrides };
}

/** Creates an agency through the API and answers its id. */
export async function createAgency(admin: ApiClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await admin.post('/agencies', anAgency(overrides));
  if (response.status !== 201) throw new Error(`creating an agency failed: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}
