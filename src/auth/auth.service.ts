import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RevokedToken } from './revoked-token.entity';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service';
import { Database } from '../common/database/database.service';
import type { Acting } from '../common/database/unit-of-work';
import { DomainError, TooManyRequests, Unauthenticated, ValidationFailed } from '../common/errors/domain-errors';
import { AppConfigService } from '../config/app-config.service';
import { User } from '../users/user.entity';
import { LoginRequest, LoginResponse, TokenRequest, TokenResponse } from './dto/login.dto';
import { LoginThrottle, throttleLimits } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from '../users/passwords';

/** Where a sign-in comes from: the address its attempts are counted by, and the request it arrived in. */
export interface SigningIn {
  address: string;
  requestId: string;
}

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

  async login(request: LoginRequest, client: SigningIn): Promise<LoginResponse> {
    return this.signIn('person', request.username, request.password, client);
  }

  /**
   * Signs in a person (username and password) or a system (client id and secret): the same checks,
   * the same throttle and the same tokens, but neither kind of account signs in the other's way.
   */
  async signIn(kind: User['kind'], name: string, secret: string, { address: clientAddress, requestId }: SigningIn): Promise<LoginResponse> {
    const username = name.trim().toLowerCase();
    // A failed attempt is audited and counted too, so its transaction commits and the refusal comes after it.
    const outcome = await this.db.transaction(async (work): Promise<LoginResponse | { wait: number } | null> => {
      const manager = work.manager;
      const wait = await this.throttle.check(manager, username, clientAddress);
      if (wait > 0) return { wait };
      const found = await manager.findOneBy(User, { username });
      const user = found?.kind === kind ? found : null;
      const secretOk = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), secret);
      if (!user || !secretOk || !user.active) {
        await this.throttle.recordFailure(manager, username, clientAddress);
        this.audit.record(work, {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          changes: { reason: !user ? 'unknown_user' : !secretOk ? 'wrong_password' : 'inactive', kind },
        });
        return null;
      }
      await this.throttle.reset(manager, username, clientAddress);
      this.audit.record(work, { action: 'auth.login', entityType: 'user', entityId: user.id, changes: { kind } });
      const expiresIn = this.config.values.jwtExpiresInSeconds;
      const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion, jti: randomUUID() }, { expiresIn });
      return { accessToken, tokenType: 'Bearer', expiresIn };
    }, requestId);
    if (outcome && 'wait' in outcome) throw new TooManyRequests(outcome.wait);
    if (!outcome) {
      throw kind === 'person'
        ? new Unauthenticated('The username or password is wrong, or the account is deactivated.')
        : new Unauthenticated('The client id or secret is wrong, or the client was revoked.');
    }
    return outcome;
  }

  /** POST /auth/token: credentials from the body, or a client's from HTTP Basic. */
  async token(request: TokenRequest, basic: { id: string; secret: string } | null, client: SigningIn): Promise<TokenResponse> {
    const missing = (fields: string[]) =>
      new ValidationFailed(fields.map((field) => ({ field, messages: [`${field} is required for grant_type=${request.grant_type}`] })));
    let signedIn: LoginResponse;
    if (request.grant_type === 'client_credentials') {
      const id = request.client_id ?? basic?.id;
      const secret = request.client_secret ?? basic?.secret;
      if (!id || !secret) throw missing(['client_id', 'client_secret'].filter((f) => !(f === 'client_id' ? id : secret)));
      signedIn = await this.signIn('api_client', id, secret, client).catch(oauthError('invalid_client'));
    } else {
      if (!request.username || !request.password) throw missing(['username', 'password'].filter((f) => !request[f as 'username' | 'password']));
      signedIn = await this.signIn('person', request.username, request.password, client).catch(oauthError('invalid_grant'));
    }
    return { ...signedIn, access_token: signedIn.accessToken, token_type: signedIn.tokenType, expires_in: signedIn.expiresIn };
  }

  /** Ends the token of this request at once; it is remembered until it would have expired anyway. */
  /** The caller's display name and agency name, for /auth/me (not loaded on every request). */
  async names(caller: Acting): Promise<{ displayName: string; agencyName: string | null }> {
    const [row] = await caller.work.manager.query<{ display_name: string; agency_name: string | null }[]>(
      'SELECT u.display_name, a.name AS agency_name FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1',
      [caller.userId],
    );
    return { displayName: row?.display_name ?? caller.username, agencyName: row?.agency_name ?? null };
  }

  async logout(caller: Acting): Promise<void> {
    if (!caller.tokenId || !caller.tokenExpiresAt) return;
    await caller.work.manager.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
    await caller.work.manager.insert(RevokedToken, { jti: caller.tokenId, expiresAt: caller.tokenExpiresAt });
    this.audit.record(caller.work, { action: 'auth.logout', entityType: 'user', entityId: caller.userId });
  }
}

/** A refused sign-in also names the OAuth 2 error code (RFC 6749, 5.2), for clients that read it. */
const oauthError = (error: string) => (refusal: unknown): never => {
  if (refusal instanceof Unauthenticated) refusal.extra.error = error;
  throw refusal instanceof DomainError ? refusal : (refusal as Error);
};
