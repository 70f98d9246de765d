import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, types } from 'pg';
import type { VisitRatings } from '../../src/care-episodes/domain/care-episode';
import { nextVisitDue, ratedWell } from '../../src/care-episodes/domain/schedules';

/**
 * The baseline: node:http and pg with nothing in between, sending the API's own statements for the
 * two hot paths, as the API sends them (token check with its user and revocation lookup; in one
 * transaction the scoped read with the open handover, or the locked read, the child's birth date,
 * the versioned update and the visit insert; the audit event). What the framework costs is the
 * difference. The column lists are read from the tables once, as the API's come from its entities.
 */
// Dates as the text PostgreSQL sends ("2026-12-01"), as TypeORM hands the API its date columns.
types.setTypeParser(types.builtins.DATE, (value) => value);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET ?? '';

function verifyToken(header: string | undefined): { sub: string; ver: number; jti: string } | null {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  const [head, body, signature] = token?.split('.') ?? [];
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub: string; ver: number; jti: string; exp: number };
  return claims.exp * 1000 > Date.now() ? claims : null;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `alias."column" AS "prefixCamel"` for each column of a table, as the API's raw entities select. */
async function selectList(table: string, alias: string, prefix = ''): Promise<string> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => `${alias}."${r.column_name}" AS "${prefix}${camel(r.column_name)}"`).join(', ');
}

const USER = `SELECT id, username, role, agency_id, province_codes, active, token_version,
              EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $2) AS revoked
       FROM users WHERE id = $1`;
const AUDIT = `INSERT INTO audit_events (request_id, actor_id, actor_role, agency_id, action, entity_type, entity_id, changes, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', '')`;
const statements = (async () => {
  const episode = await selectList('care_episodes', 'e');
  const handover = await selectList('case_handovers', 'h', 'h.');
  const visit = await selectList('follow_up_visits', 'v');
  return {
    read: `SELECT ${episode}, ${handover} FROM care_episodes e LEFT JOIN case_handovers h ON h.episode_id = e.id AND h.status = 'requested' WHERE e.id = $1`,
    lock: `SELECT ${episode} FROM care_episodes e WHERE e.id = $1 FOR UPDATE OF e`,
    birth: `SELECT date_of_birth::text FROM children WHERE id = $1`,
    update: `UPDATE "care_episodes" SET "visits_since_placement" = $3, "last_visit_on" = $4, "last_visit_rated_well" = $5, "next_visit_due" = $6, "status" = $7, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING version, updated_at`,
    visit: `INSERT INTO follow_up_visits AS v (episode_id, visited_on, visit_type, child_seen, ratings, rated_well, note, recorded_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${visit}`,
  };
})();

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const sql = await statements;
  const claims = verifyToken(req.headers.authorization);
  if (!claims) return send(res, 401, { code: 'UNAUTHENTICATED' });
  const user = (await pool.query(USER, [claims.sub, claims.jti])).rows[0] as
    | { id: string; role: string; agency_id: string | null; active: boolean; token_version: number; revoked: boolean }
    | undefined;
  if (!user || !user.active || user.revoked || user.token_version !== claims.ver) return send(res, 401, { code: 'UNAUTHENTICATED' });
  const match = /^\/api\/v1\/care-episodes\/([0-9a-f-]{36})(\/follow-up-visits)?$/.exec(req.url ?? '');
  if (!match) return send(res, 404, { code: 'NOT_FOUND' });
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    const episode = (await client.query(match[2] ? sql.lock : sql.read, [match[1]])).rows[0] as
      | { id: string; childId: string; placedOn: string | null; visitsSincePlacement: number; version: number; status: string }
      | undefined;
    if (!episode) {
      await client.query('ROLLBACK');
      return send(res, 404, { code: 'NOT_FOUND' });
    }
    if (!match[2]) {
      await client.query(AUDIT, [randomUUID(), user.id, user.role, user.agency_id, 'care_episode.read', 'care_episode', episode.id, '{}']);
      await client.query('COMMIT');
      return send(res, 200, episode);
    }
    const body = (await readBody(req)) as { visitedOn: string; visitType: string; childSeen: boolean; ratings: Record<string, number>; note?: string };
    const well = ratedWell(body.ratings as VisitRatings);
    // Read as the API reads it (the steps' facts include the child's age); the schedule does not need it.
    await client.query(sql.birth, [episode.childId]);
    const visits = episode.visitsSincePlacement + 1;
    const nextVisit = nextVisitDue(episode.placedOn ?? body.visitedOn, visits);
    await client.query(sql.update, [episode.id, episode.version, visits, body.visitedOn, well, nextVisit, episode.status]);
    const visit = (
      await client.query(sql.visit, [episode.id, body.visitedOn, body.visitType, body.childSeen, JSON.stringify(body.ratings), well, body.note ?? null, user.id])
    ).rows[0] as { id: string };
    await client.query(AUDIT, [
      randomUUID(),
      user.id,
      user.role,
      user.agency_id,
      'care_episode.follow_up_visit',
      'care_episode',
      episode.id,
      JSON.stringify({ visitId: visit.id, visitedOn: body.visitedOn, ratedWell: well }),
    ]);
    await client.query('COMMIT');
    return send(res, 201, visit);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

createServer((req, res) => {
  handle(req, res).catch(() => send(res, 500, { code: 'INTERNAL_ERROR' }));
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare server ready'));

// An orderly exit on SIGTERM, so that a --cpu-prof run writes its profile.
process.on('SIGTERM', () => process.exit(0));
