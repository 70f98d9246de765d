import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { User } from '../users/user.entity';
import { hashPassword } from '../users/passwords';

/**
 * On an empty user table, creates the first admin. Without a configured password one is generated
 * and printed once, so a newcomer can log in straight away.
 */
export async function ensureBootstrapAdmin(dataSource: DataSource, config: AppConfig, print: (line: string) => void): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
    if ((await manager.count(User)) > 0) return;
    const password = config.bootstrapAdminPassword ?? randomBytes(18).toString('base64url');
    const admin = await manager.save(
      manager.create(User, {
        username: config.bootstrapAdminUsername.toLowerCase(),
        passwordHash: await hashPassword(password),
        displayName: 'Administrator',
        role: 'admin',
        agencyId: null,
        provinceCodes: [],
      }),
    );
    await manager.query(
      `INSERT INTO audit_events (request_id, action, entity_type, entity_id, changes, prev_hash, hash) VALUES ('bootstrap', 'user.bootstrap_admin', 'user', $1, '{}', '', '')`,
      [admin.id],
    );
    if (!config.bootstrapAdminPassword) {
      print(
        `\n  Created the first admin user "${admin.username}" with the password:\n\n      ${password}\n\n` +
          `  It is shown only this once. Log in and change it (PATCH /api/v1/users/{id}), or set BOOTSTRAP_ADMIN_PASSWORD before the first start.\n`,
      );
    } else {
      print(`Created the first admin user "${admin.username}" with the password from BOOTSTRAP_ADMIN_PASSWORD.`);
    }
  });
}
