import request from 'supertest';
import { createAgency } from '../support/builders';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/** An NGO's case system gets an account of its own, signs in with the client-credentials grant, and loses it at once when revoked. */
describe('an NGO system signs in as itself', () => {
  let t: TestApp;
  let agency: string;
  let client: { id: string; clientId: string; clientSecret: string };
  const token = (body: object | string, headers: Record<string, string> = {}) => {
    const test = request(t.app.getHttpServer()).post('/api/v1/auth/token');
    for (const [name, value] of Object.entries(headers)) test.set(name, value);
    return typeof body === 'string' ? test.type('form').send(body) : test.send(body);
  };
  const me = (accessToken: string) => request(t.app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', `Bearer ${accessToken}`);

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgency(t.admin, { name: 'Friends of Battambang Children' });
    const created = await t.admin.post('/api-clients', { name: 'OSCaR sync', role: 'ngo_worker', agencyId: agency });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/api-clients/${created.body.id}`);
    client = created.body;
  });
  afterAll(() => t.close());

  it('answers the secret once, and a token for it as JSON, as a form and with HTTP Basic', async () => {
    expect(client.clientId).toMatch(/^client-[0-9a-f]{24}$/);
    expect(client.clientSecret.length).toBeGreaterThanOrEqual(40);
    const shown = await t.admin.get(`/api-clients/${client.id}`);
    expect(shown.body).toMatchObject({ clientId: client.clientId, name: 'OSCaR sync', role: 'ngo_worker', agencyId: agency, active: true });
    expect(JSON.stringify(shown.body)).not.toContain(client.clientSecret);
    expect((await t.admin.get('/api-clients')).body.items.map((c: { id: string }) => c.id)).toContain(client.id);

    const json = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
    expect(json.status).toBe(200);
    expect(json.headers['cache-control']).toBe('no-store');
    expect(json.body).toMatchObject({ tokenType: 'Bearer', token_type: 'Bearer', expiresIn: 3600, expires_in: 3600 });
    expect(json.body.access_token).toBe(json.body.accessToken);
    const form = await token(`grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}`);
    expect(form.status).toBe(200);
    const basic = await token('grant_type=client_credentials', { Authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` });
    expect(basic.status).toBe(200);

    const who = await me(json.body.accessToken);
    expect(who.body).toMatchObject({ username: client.clientId, displayName: 'OSCaR sync', role: 'ngo_worker', agencyId: agency, agencyName: 'Friends of Battambang Children' });
    // It works within its role and agency like a person of that role would.
    const children = await request(t.app.getHttpServer()).get('/api/v1/children').set('Authorization', `Bearer ${form.body.accessToken}`);
    expect(children.status).toBe(200);
  });

  it('takes the password grant for people, as the Swagger UI sends it, and keeps the two kinds apart', async () => {
    const person = await token('grant_type=password&username=admin&password=' + encodeURIComponent(ADMIN_PASSWORD) + '&scope=');
    expect(person.status).toBe(200);
    expect((await me(person.body.access_token)).body.role).toBe('admin');

    const wrong = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'UNAUTHENTICATED', error: 'invalid_client' });
    // A client cannot use the person's doors, nor a person the client's.
    expect((await token({ grant_type: 'password', username: client.clientId, password: client.clientSecret })).body.error).toBe('invalid_grant');
    expect((await request(t.app.getHttpServer()).post('/api/v1/auth/login').send({ username: client.clientId, password: client.clientSecret })).status).toBe(401);
    expect((await token({ grant_type: 'client_credentials', client_id: 'admin', client_secret: ADMIN_PASSWORD })).status).toBe(401);
    // Systems are not people: the users list does not show them.
    expect((await t.admin.get('/users?limit=200')).body.items.some((u: { id: string }) => u.id === client.id)).toBe(false);
    expect((await t.admin.get(`/users/${client.id}`)).status).toBe(404);
  });

  it('refuses a request it cannot act on with a clear problem', async () => {
    expect((await token({ grant_type: 'authorization_code' })).body.errors[0].field).toBe('grant_type');
    expect((await token({ grant_type: 'client_credentials' })).body.errors.map((e: { field: string }) => e.field)).toEqual(['client_id', 'client_secret']);
    expect((await token({ grant_type: 'password', username: 'admin' })).body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    expect((await token('grant_type=password&grant_type=client_credentials')).status).toBe(400);
    const formElsewhere = await request(t.app.getHttpServer()).post('/api/v1/auth/login').type('form').send('username=admin&password=x');
    expect(formElsewhere.status).toBe(415);
    expect(formElsewhere.headers['content-type']).toMatch(/application\/problem\+json/);

    expect((await t.admin.post('/api-clients', { name: 'Root', role: 'admin' })).body.errors[0].field).toBe('role');
    expect((await t.admin.post('/api-clients', { name: 'No agency', role: 'ngo_worker' })).body.errors[0].field).toBe('agencyId');
    const ngo = await t.asUser('ngo_worker', { agencyId: agency });
    expect((await ngo.post('/api-clients', { name: 'Mine', role: 'ngo_worker', agencyId: agency })).status).toBe(403);
  });

  it('ends every token of a revoked client at once', async () => {
    const issued = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret });
    expect((await me(issued.body.accessToken)).status).toBe(200);
    const revoked = await request(t.app.getHttpServer()).delete(`/api/v1/api-clients/${client.id}`).set('Authorization', `Bearer ${t.admin.token}`);
    expect(revoked.status).toBe(204);
    expect((await me(issued.body.accessToken)).status).toBe(401);
    expect((await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret })).status).toBe(401);
    expect((await t.admin.get(`/api-clients/${client.id}`)).body.active).toBe(false);
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [client.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['api_client.create', 'auth.login', 'api_client.revoke', 'auth.login_failed']));
  });

  it('lets the Swagger UI’s Authorize dialog sign in with a username and password', async () => {
    const document = (await t.anonymous.get('/docs-json')).body;
    expect(document.components.securitySchemes.oauth2.flows.password.tokenUrl).toBe('/api/v1/auth/token');
    expect(document.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe('/api/v1/auth/token');
    expect(document.paths['/api/v1/children'].get.security).toEqual(expect.arrayContaining([{ oauth2: [] }, { bearer: [] }]));
  });
});
