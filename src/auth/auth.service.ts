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
import { LoginThrottle } from './login-throttle';
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
    this.throttle = new LoginThrottle(config.values.loginMaxFailures, config.values.loginWindowSeconds * 1000);
  }

  async login(request: LoginRequest, clientAddress: string): Promise<LoginResponse> {
    const username = request.username.trim().toLowerCase();
    const keys = [`user:${username}`, `ip:${clientAddress}`];
    const wait = this.throttle.retryAfterSeconds(keys);
    if (wait > 0) throw new TooManyRequests(wait);

    // A failed attempt is audited too, so its transaction commits and the refusal comes after it.
    const outcome = await this.db.transaction(async (manager): Promise<LoginResponse | null> => {
      const user = await manager.findOneBy(User, { username });
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), request.password);
      if (!user || !passwordOk || !user.active) {
        this.throttle.recordFailure(keys);
        await this.audit.record({
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          changes: { reason: !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive' },
        });
        return null;
      }
      this.throttle.reset(`user:${username}`);
      await this.audit.record({ action: 'auth.login', entityType: 'user', entityId: user.id });
      const expiresIn = this.config.values.jwtExpiresInSeconds;
      const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion, jti: randomUUID() }, { expiresIn });
      return { accessToken, tokenType: 'Bearer', expiresIn };
    });
    if (!outcome) throw new Unauthenticated('The username or password is wrong, or the account is deactivated.');
    return outcome;
  }

  /** Ends the token of this request at once; it is remembered until it would have expired anyway. */
  async logout(caller: Caller): Promise<void> {
    if (!caller.tokenId || !caller.tokenExpiresAt) return;
    await this.db.manager.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
    await this.db.manager.insert(RevokedToken, { jti: caller.tokenId, expiresAt: caller.tokenExpiresAt });
    await this.audit.record({ action: 'auth.logout', entityType: 'user', entityId: caller.userId });
  }
}
