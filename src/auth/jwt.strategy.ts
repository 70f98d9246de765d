import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { callerOf, type Caller, type CallerRow } from '../common/auth/caller';
import { Database } from '../common/database/database.service';
import { AppConfigService } from '../config/app-config.service';

interface UserRow extends CallerRow {
  active: boolean;
  token_version: number;
  revoked: boolean;
}

interface TokenClaims {
  sub: string;
  ver: number;
  jti: string;
  iat: number;
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A token issued a few seconds "in the future" by a server whose clock runs ahead is still accepted.
const CLOCK_SKEW_SECONDS = 30;

/** Checks the token's signature and expiry, then that its user is still active and unchanged. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly lifetimeSeconds: number;

  constructor(
    config: AppConfigService,
    private readonly db: Database,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse it
      // as a public key on every request, which cost a quarter of the API's CPU under load.
      secretOrKey: createSecretKey(Buffer.from(config.values.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
    this.lifetimeSeconds = config.values.jwtExpiresInSeconds;
  }

  /** Tokens always expire, within the configured lifetime, and carry an id that logout can end. */
  private wellFormed(claims: TokenClaims): boolean {
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || typeof claims.ver !== 'number') return false;
    if (typeof claims.jti !== 'string' || !UUID.test(claims.jti)) return false;
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return false;
    const now = Date.now() / 1000;
    return claims.iat <= now + CLOCK_SKEW_SECONDS && claims.exp - claims.iat <= this.lifetimeSeconds && claims.exp - now <= this.lifetimeSeconds + CLOCK_SKEW_SECONDS;
  }

  async validate(claims: TokenClaims): Promise<Caller | false> {
    if (!this.wellFormed(claims)) return false;
    // Plain SQL on the pool: this runs on every request, and the ORM's query building cost more than the query.
    const [user] = await this.db.readRows<UserRow>(
      `SELECT id, username, role, agency_id, province_codes, active, token_version,
              EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = $2) AS revoked
       FROM users WHERE id = $1`,
      [claims.sub, claims.jti],
    );
    if (!user || !user.active || user.revoked || user.token_version !== claims.ver) return false;
    return { ...callerOf(user), tokenId: claims.jti, tokenExpiresAt: new Date(claims.exp * 1000) };
  }
}
