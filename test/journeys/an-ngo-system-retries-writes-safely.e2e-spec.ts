import { anAgency } from '../support/builders';
import { startTestApp, type TestApp } from '../support/test-app';

describe('an NGO system retries writes safely', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const countAgenciesNamed = async (name: string) =>
    Number((await t.db.query('SELECT count(*) FROM agencies WHERE name = $1', [name]))[0].count);

  it('replays the first answer to a retry with the same key and body, doing the work once', async () => {
    const body = anAgency({ name: 'Retry Me' });
    const first = await t.admin.post('/agencies', body, { 'Idempotency-Key': 'create-retry-me' });
    const retry = await t.admin.post('/agencies', body, { 'Idempotency-Key': 'create-retry-me' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countAgenciesNamed('Retry Me')).toBe(1);
  });

  it('refuses the same key with another body as 422', async () => {
    await t.admin.post('/agencies', anAgency({ name: 'Key Owner' }), { 'Idempotency-Key': 'shared-key' });
    const reused = await t.admin.post('/agencies', anAgency({ name: 'Someone Else' }), { 'Idempotency-Key': 'shared-key' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countAgenciesNamed('Someone Else')).toBe(0);
  });

  it('does the work once when the same request races itself', async () => {
    const body = anAgency({ name: 'Raced' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.admin.post('/agencies', body, { 'Idempotency-Key': 'race-key' })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await countAgenciesNamed('Raced')).toBe(1);
  });

  it('keeps keys per user: another user may use the same key', async () => {
    const other = await t.asUser('admin');
    await t.admin.post('/agencies', anAgency({ name: 'Mine A' }), { 'Idempotency-Key': 'per-user' });
    const theirs = await other.post('/agencies', anAgency({ name: 'Mine B' }), { 'Idempotency-Key': 'per-user' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.name).toBe('Mine B');
  });

  it('stores nothing for a request that failed, so a corrected retry is not blocked', async () => {
    const bad = await t.admin.post('/agencies', { name: 'Bad', type: 'club' }, { 'Idempotency-Key': 'fix-me' });
    expect(bad.status).toBe(400);
    const fixed = await t.admin.post('/agencies', { name: 'Bad', type: 'ngo' }, { 'Idempotency-Key': 'fix-me' });
    expect(fixed.status).toBe(201);
  });

  it('refuses a malformed key', async () => {
    const response = await t.admin.post('/agencies', anAgency(), { 'Idempotency-Key': 'x'.repeat(201) });
    expect(response.status).toBe(400);
  });
});
