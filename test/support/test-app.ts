import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { ensureBootstrapAdmin } from '../../src/auth/bootstrap-admin';
import type { Role } from '../../src/common/auth/roles';
import { dataSourceOptions } from '../../src/common/database/data-source-options';
import { loadConfig } from '../../src/config/config';
import { TEMPLATE_DATABASE, withDatabase } from './test-databases';

export const ADMIN_PASSWORD = 'bootstrap-passphrase-for-tests';
export const USER_PASSWORD = 'user-password-for-tests';

type Headers = Record<string, string>;

/** Calls the API as one user. Paths are relative to /api/v1 unless they start with "/health" or "/docs". */
export class ApiClient {
  constructor(
    private readonly server: ReturnType<NestFastifyApplication['getHttpServer']>,
    readonly token: string | null,
    readonly userId: string | null = null,
  ) {}

  private url(path: string): string {
    return /^\/(health|docs|dashboard)/.test(path) ? path : `/api/v1${path}`;
  }

  private auth(test: request.Test, headers: Headers): request.Test {
    if (this.token) test.set('Authorization', `Bearer ${this.token}`);
    for (const [name, value] of Object.entries(headers)) test.set(name, value);
    return test;
  }

  get(path: string, headers: Headers = {}) {
    return this.auth(request(this.server).get(this.url(path)), headers);
  }

  post(path: string, body?: object | string, headers: Headers = {}) {
    const test = this.auth(request(this.server).post(this.url(path)), headers);
    return body === undefined ? test : test.send(body);
  }

  put(path: string, body: object, headers: Headers = {}) {
    return this.auth(request(this.server).put(this.url(path)), headers).send(body);
  }

  patch(path: string, body: object, headers: Headers = {}) {
    return this.auth(request(this.server).patch(this.url(path)), headers).send(body);
  }
}

export interface UserScope {
  agencyId?: string;
  provinceCodes?: string[];
}

export interface TestApp {
  app: NestFastifyApplication;
  /** A superuser connection to this file's database, for checks the API cannot make. */
  db: DataSource;
  /** This file's database, for a second instance of the API or a process started by the test. */
  url: string;
  config: ReturnType<typeof loadConfig>;
  anonymous: ApiClient;
  admin: ApiClient;
  asUser(role: Role, scope?: UserScope): Promise<ApiClient>;
  login(username: string, password: string): Promise<ApiClient>;
  close(): Promise<void>;
}

let counter = 0;
const unique = () => `${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}_${randomBytes(2).toString('hex')}`;

/** A running API on a fresh database cloned from the migrated template (milliseconds, not seconds). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const serverUrl = process.env.RCF_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('RCF_TEST_SERVER_URL is not set: run the tests through jest, which starts the database');
  const database = `rcf_test_${unique()}`;
  const adminClient = new Client(withDatabase(serverUrl, 'postgres'));
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DATABASE}`);
  await adminClient.end();

  const url = withDatabase(serverUrl, database);
  const config = loadConfig({
    JWT_SECRET: 'a-test-secret-that-is-long-enough-to-pass',
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_REQUESTS: 'false',
    ...env,
  });
  const db = new DataSource(dataSourceOptions(url, 2));
  await db.initialize();
  await ensureBootstrapAdmin(db, config, () => undefined);
  const app = await createApp(config, url);
  const server = app.getHttpServer();

  const login = async (username: string, password: string): Promise<ApiClient> => {
    const response = await request(server).post('/api/v1/auth/login').send({ username, password });
    if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const me = await request(server).get('/api/v1/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`);
    return new ApiClient(server, response.body.accessToken as string, me.body.userId as string);
  };
  const admin = await login('admin', ADMIN_PASSWORD);

  return {
    app,
    db,
    url,
    config,
    admin,
    anonymous: new ApiClient(server, null),
    login,
    async asUser(role, scope = {}) {
      const username = `${role.replace('_', '')}${unique()}`.slice(0, 64);
      const created = await admin.post('/users', {
        username,
        password: USER_PASSWORD,
        displayName: `Test ${role}`,
        role,
        ...scope,
      });
      if (created.status !== 201) throw new Error(`creating a ${role} failed: ${JSON.stringify(created.body)}`);
      return login(username, USER_PASSWORD);
    },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
