import { randomBytes } from 'node:crypto';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../common/database/timeouts';
import { passwordProblems } from '../users/domain/password-policy';

/** The app's configuration, read once from the environment and checked before anything starts. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  embeddedDbDir: string;
  embeddedDbPort: number;
  bootstrapAdminUsername: string;
  bootstrapAdminPassword?: string;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  jwtExpiresInSeconds: number;
  bodyLimitBytes: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  logRequests: boolean;
  /** How long in-flight requests may run on after SIGTERM or SIGINT. */
  shutdownGraceSeconds: number;
  database: DatabaseTimeouts;
  /** A request (its body included) must arrive within this. */
  requestTimeoutSeconds: number;
  webhooks: WebhookSettings;
}

export interface WebhookSettings {
  /** Deliver to loopback and private addresses (a receiver on the same host or network). */
  allowPrivateTargets: boolean;
  /** How often each instance looks for changes to queue and deliveries due. */
  pollMs: number;
  /** The first retry's wait; each further one doubles it. */
  retryBaseMs: number;
  /** A receiver that has not answered within this has failed the attempt. */
  timeoutMs: number;
}



export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const jwtSecretRaw = env.JWT_SECRET;
  if (jwtSecretRaw !== undefined && jwtSecretRaw !== '' && jwtSecretRaw.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters long');
  }
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  const adminUsername = env.BOOTSTRAP_ADMIN_USERNAME || 'admin';
  if (adminPassword !== undefined) {
    for (const problem of passwordProblems(adminPassword, adminUsername)) problems.push(`BOOTSTRAP_ADMIN_PASSWORD: ${problem}`);
  }
  if (!/^[a-z0-9._-]{3,64}$/i.test(adminUsername)) {
    problems.push('BOOTSTRAP_ADMIN_USERNAME must be 3-64 letters, digits, dots, dashes or underscores');
  }
  const allowPrivateTargets = env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? 'false';
  if (!['true', 'false'].includes(allowPrivateTargets)) problems.push('WEBHOOK_ALLOW_PRIVATE_TARGETS must be true or false');
  const logRequests = env.LOG_REQUESTS ?? 'true';
  if (!['true', 'false'].includes(logRequests)) problems.push('LOG_REQUESTS must be true or false');

  const config: AppConfig = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    embeddedDbDir: env.EMBEDDED_DB_DIR || '.data/pg',
    embeddedDbPort: int('EMBEDDED_DB_PORT', 0, 0, 65535),
    bootstrapAdminUsername: adminUsername,
    bootstrapAdminPassword: adminPassword,
    jwtSecret: jwtSecretRaw || randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !jwtSecretRaw,
    jwtExpiresInSeconds: int('JWT_EXPIRES_IN_SECONDS', 3600, 60, 86_400),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 256 * 1024, 1024, 10 * 1024 * 1024),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
    logRequests: logRequests === 'true',
    shutdownGraceSeconds: int('SHUTDOWN_GRACE_SECONDS', 15, 0, 600),
    database: {
      statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs, 100, 600_000),
      lockTimeoutMs: int('DB_LOCK_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.lockTimeoutMs, 100, 600_000),
      acquireTimeoutMs: int('DB_ACQUIRE_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.acquireTimeoutMs, 100, 600_000),
    },
    requestTimeoutSeconds: int('REQUEST_TIMEOUT_SECONDS', 30, 1, 3600),
    webhooks: {
      allowPrivateTargets: allowPrivateTargets === 'true',
      pollMs: int('WEBHOOK_POLL_MS', 250, 10, 60_000),
      retryBaseMs: int('WEBHOOK_RETRY_BASE_MS', 5000, 10, 3_600_000),
      timeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    },
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
