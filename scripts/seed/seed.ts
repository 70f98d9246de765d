import { Pool, type PoolClient } from 'pg';
import { hashPassword } from '../../src/users/passwords';
import { today } from '../../src/common/time/calendar';
import { simulate, type SeedSize } from './simulate';
import { Progress } from './progress';
import { writeWorld } from './write';

export const DEMO_PASSWORD = 'rcf-demo-password';

/** Simulates a world of the given size and writes it, with the demo users, into a migrated database. */
export async function seedWorld(url: string, size: SeedSize, log: (line: string) => void): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  const started = Date.now();
  try {
    const users = await demoUsers(client, size.provinces === 'all' ? [] : size.provinces);
    const progress = new Progress(log);
    progress.phase(`simulating ${size.years} years of ${size.children.toLocaleString('en')} children and ${size.facilities} facilities`);
    const world = simulate(size, today(), [users.inspectorId, users.approverId], progress);
    log(
      `Simulated ${size.years} years: ${world.facilities.length} facilities, ${world.children.length} children, ${world.events.length} care events, ` +
        `${world.visits.length} follow-up visits, ${world.reviews.length} reviews, ${world.inspections.length} inspections (${Date.now() - started} ms). Writing…`,
    );
    await client.query('BEGIN');
    const [{ last }] = (await client.query<{ last: string }>(`SELECT nextval('facility_registry_number_seq') AS last`)).rows as [{ last: string }];
    await client.query(`SELECT setval('facility_registry_number_seq', $1)`, [Number(last) + world.facilities.length]);
    await writeWorld(client, world, users, today(), Number(last), progress);
    // The NGO demo user works for the agency running the most facilities.
    const busiest = [...world.facilities.reduce((m, f) => m.set(f.operatorAgencyId, (m.get(f.operatorAgencyId) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (busiest) await client.query(`UPDATE users SET agency_id = $1, token_version = token_version + 1 WHERE username = 'demo.ngo'`, [busiest]);
    await client.query(
      `INSERT INTO audit_events (request_id, action, entity_type, changes, prev_hash, hash) VALUES ('seed', 'seed.generate', 'database', $1, '', '')`,
      [JSON.stringify({ size: size.name, facilities: world.facilities.length, children: world.children.length, events: world.events.length })],
    );
    progress.phase('committing');
    await client.query('COMMIT');
    // Index-only scans need the visibility map that VACUUM sets.
    progress.phase('VACUUM ANALYZE (statistics and the visibility map)');
    await client.query('VACUUM ANALYZE');
    progress.phase('done');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

/** Users to explore the demo with, one per role (created once, reused by later seeds). */
async function demoUsers(client: PoolClient, provinces: string[]) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const upsert = async (username: string, role: string, displayName: string, provinceCodes: string[]) => {
    await client.query(
      `INSERT INTO users (username, password_hash, display_name, role, province_codes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING`,
      [username, passwordHash, displayName, role, provinceCodes],
    );
    return ((await client.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]).id;
  };
  const inspectorId = await upsert('demo.inspector', 'inspector', 'Demo Inspector', provinces);
  const approverId = await upsert('demo.supervisor', 'inspector', 'Demo Supervising Inspector', []);
  const socialWorkerId = await upsert('demo.social', 'social_worker', 'Demo Social Worker', provinces);
  await upsert('demo.planner', 'planner', 'Demo Planner', []);
  const anyAgency = (await client.query<{ id: string }>('SELECT id FROM agencies LIMIT 1')).rows[0];
  if (!anyAgency) await client.query(`INSERT INTO agencies (name, type) VALUES ('Demo NGO', 'ngo')`);
  const agencyId = ((await client.query<{ id: string }>('SELECT id FROM agencies ORDER BY created_at LIMIT 1')).rows[0]).id;
  await client.query(
    `INSERT INTO users (username, password_hash, display_name, role, agency_id) VALUES ('demo.ngo', $1, 'Demo NGO Worker', 'ngo_worker', $2) ON CONFLICT (username) DO NOTHING`,
    [passwordHash, agencyId],
  );
  return { inspectorId, approverId, socialWorkerId };
}

