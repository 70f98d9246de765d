import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The baseline: node:http and pg with nothing in between, running the same SQL as the API for the
 * two hot paths (token check and user lookup, the scoped read or the visit write, the audit event,
 * in one transaction). What the framework costs is the difference.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const secret = process.env.JWT_SECRET ?? '';

function verifyToken(header: string | undefined): { sub: string; ver: number } | null {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
  const [head, body, signature] = token?.split('.') ?? [];
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { sub: string; ver: number; exp: number };
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

const AUDIT = `INSERT INTO audit_events (request_id, actor_id, actor_role, agency_id, action, entity_type, entity_id, changes, prev_hash, hash)
  VALUES ($1, $2, $3, $4, $5, 'care_episode', $6, $7, '', '')`;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const claims = verifyToken(req.headers.authorization);
  if (!claims) return send(res, 401, { code: 'UNAUTHENTICATED' });
  const user = (await pool.query('SELECT * FROM users WHERE id = $1 LIMIT 1', [claims.sub])).rows[0] as
    | { id: string; role: string; agency_id: string | null; active: boolean; token_version: number }
    | undefined;
  if (!user || !user.active || user.token_version !== claims.ver) return send(res, 401, { code: 'UNAUTHENTICATED' });
  const match = /^\/api\/v1\/care-episodes\/([0-9a-f-]{36})(\/follow-up-visits)?$/.exec(req.url ?? '');
  if (!match) return send(res, 404, { code: 'NOT_FOUND' });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const episode = (await client.query(`SELECT * FROM care_episodes e WHERE e.id = $1${match[2] ? ' FOR UPDATE OF e' : ''}`, [match[1]])).rows[0] as
      | { id: string; visits_since_placement: number; version: number; placed_on: string; status: string }
      | undefined;
    if (!episode) {
      await client.query('ROLLBACK');
      return send(res, 404, { code: 'NOT_FOUND' });
    }
    if (!match[2]) {
      await client.query(AUDIT, ['bare', user.id, user.role, user.agency_id, 'care_episode.read', episode.id, '{}']);
      await client.query('COMMIT');
      return send(res, 200, episode);
    }
    const body = (await readBody(req)) as { visitedOn: string; visitType: string; childSeen: boolean; ratings: Record<string, number>; note?: string };
    const well = Object.values(body.ratings).every((r) => r >= 3);
    const visit = (
      await client.query(
        `INSERT INTO follow_up_visits (episode_id, visited_on, visit_type, child_seen, ratings, rated_well, note, recorded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [episode.id, body.visitedOn, body.visitType, body.childSeen, JSON.stringify(body.ratings), well, body.note ?? null, user.id],
      )
    ).rows[0] as { id: string };
    await client.query(
      `UPDATE care_episodes SET visits_since_placement = $2, last_visit_on = $3, last_visit_rated_well = $4, version = $5, updated_at = now() WHERE id = $1`,
      [episode.id, episode.visits_since_placement + 1, body.visitedOn, well, episode.version + 1],
    );
    await client.query(AUDIT, ['bare', user.id, user.role, user.agency_id, 'care_episode.follow_up_visit', episode.id, JSON.stringify({ visitId: visit.id })]);
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
