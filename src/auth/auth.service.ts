import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../common/auth/caller';
import { RevokedToken } from './revoked-token.entity';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service';
import { Database } from '../common/database/database.service';
import { TooManyRequests, Unauthenticated } from '../common/errors/domain-errors';
import { AppConfigService } from '../config/app-config.service';
import { User } from '../users/user.entity';
import { LoginRequest, LoginResponse } from './dto/login.dto';
import { LoginThrottle, throttleLimits } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from '../users/passwords';

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {
    this.throttle = new LoginThrottle(throttleLimits(config.values.loginMaxFailures, config.values.loginWindowSeconds));
  }

  async login(request: LoginRequest, clientAddress: string): Promise<LoginResponse> {
    const username = request.username.trim().toLowerCase();
    // A failed attempt is audited and counted too, so its transaction commits and the refusal comes after it.
    const outcome = await this.db.transaction(async (manager): Promise<LoginResponse | { wait: number } | null> => {
      const wait = await this.throttle.check(manager, username, clientAddress);
      if (wait > 0) return { wait };
      const user = await manager.findOneBy(User, { username });
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), request.password);
      if (!user || !passwordOk || !user.active) {
        await this.throttle.recordFailure(manager, username, clientAddress);
        await this.audit.record({
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          changes: { reason: !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive' },
        });
        return null;
      }
      await this.throttle.reset(manager, username, clientAddress);
      await this.audit.record({ action: 'auth.login', entityType: 'user', entityId: user.id });
      const expiresIn = this.config.values.jwtExpiresInSeconds;
      const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion, jti: randomUUID() }, { expiresIn });
      return { accessToken, tokenType: 'Bearer', expiresIn };
    });
    if (outcome && 'wait' in outcome) throw new TooManyRequests(outcome.wait);
    if (!outcome) throw new Unauthenticated('The username or password is wrong, or the account is deactivated.');
    return outcome;
  }

  /** Ends the token of this request at once; it is remembered until it would have expired anyway. */
  /** The caller's display name and agency name, for /auth/me (not loaded on every request). */
  async names(caller: Caller): Promise<{ displayName: string; agencyName: string | null }> {
    const [row] = await this.db.manager.query<{ display_name: string; agency_name: string | null }[]>(
      'SELECT u.display_name, a.name AS agency_name FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1',
      [caller.userId],
    );
    return { displayName: row?.display_name ?? caller.username, agencyName: row?.agency_name ?? null };
  }

  async logout(caller: Caller): Promise<void> {
    if (!caller.tokenId || !caller.tokenExpiresAt) return;
    await this.db.manager.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
    await this.db.manager.insert(RevokedToken, { jti: caller.tokenId, expiresAt: caller.tokenExpiresAt });
    await this.audit.record({ action: 'auth.logout', entityType: 'user', entityId: caller.userId });
  }
}
