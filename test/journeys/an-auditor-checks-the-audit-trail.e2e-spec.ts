import { createAgency } from '../support/builders';
import { startTestApp, USER_PASSWORD, type TestApp } from '../support/test-app';

describe('an auditor checks the audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records every write with its actor, and never a password', async () => {
    const agencyId = await createAgency(t.admin, { name: 'Audited' });
    await t.admin.patch(`/agencies/${agencyId}`, { name: 'Audited Again' });
    const user = await t.admin.post('/users', { username: 'audited.user', password: USER_PASSWORD, displayName: 'Srey Mom', role: 'planner' });
    await t.admin.patch(`/users/${user.body.id}`, { password: 'another-long-password' });

    const events = (await t.admin.get(`/audit-events?entityId=${agencyId}`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['agency.update', 'agency.create']);
    expect(events[0]).toMatchObject({ actorId: t.admin.userId, actorRole: 'admin', entityType: 'agency' });
    expect(events[0].changes).toEqual({ name: { from: 'Audited', to: 'Audited Again' } });

    const userEvents = (await t.admin.get(`/audit-events?entityType=user&entityId=${user.body.id}`)).body.items;
    const text = JSON.stringify(userEvents);
    expect(userEvents.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.create']);
    expect(text).not.toContain(USER_PASSWORD);
    expect(text).not.toContain('another-long-password');
    expect(text).not.toContain('Srey Mom');
    expect(userEvents[0].changes).toEqual({ password: 'changed' });
  });

  it('records failed logins, without the username that was tried', async () => {
    await t.anonymous.post('/auth/login', { username: 'not-a-user', password: 'a-guess-at-a-password' });
    const failures = (await t.admin.get('/audit-events?action=auth.login_failed')).body.items;
    expect(failures[0]).toMatchObject({ entityId: null, changes: { reason: 'unknown_user' } });
    expect(JSON.stringify(failures)).not.toContain('not-a-user');
  });

  it('writes no event for a write that failed', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM audit_events'))[0].n;
    await t.admin.post('/users', { username: 'x', password: 'short', displayName: 'X', role: 'planner' });
    const after = (await t.db.query('SELECT count(*)::int AS n FROM audit_events'))[0].n;
    expect(after).toBe(before);
  });

  it('keeps the log append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await createAgency(t.admin);
    await expect(t.db.query(`UPDATE audit_events SET action = 'nothing' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_events WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and finds the first event that was tampered with', async () => {
    for (let i = 0; i < 5; i++) await createAgency(t.admin);
    const healthy = await t.admin.get('/audit-events/verify');
    expect(healthy.body).toMatchObject({ valid: true, firstBrokenSeq: null });
    expect(healthy.body.checked).toBeGreaterThanOrEqual(7);

    // Someone with the database owner's rights switches the guard off and rewrites history.
    const [{ seq }] = await t.db.query(`SELECT seq FROM audit_events WHERE action = 'agency.create' ORDER BY seq LIMIT 1`);
    await t.db.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await t.db.query(`UPDATE audit_events SET actor_role = 'planner' WHERE seq = $1`, [seq]);
    await t.db.query('ALTER TABLE audit_events ENABLE TRIGGER USER');

    const broken = await t.admin.get('/audit-events/verify');
    expect(broken.body).toMatchObject({ valid: false, firstBrokenSeq: String(seq) });
  });

  it('keeps the chain linear when many writes happen at once', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => t.admin.post('/agencies', { name: `Concurrent ${i}`, type: 'ngo' })));
    const rows = await t.db.query('SELECT seq FROM audit_events ORDER BY seq');
    rows.forEach((row: { seq: string }, index: number) => expect(Number(row.seq)).toBe(index + 1));
  });
});
