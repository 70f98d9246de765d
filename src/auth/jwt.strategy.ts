import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { Caller } from '../common/auth/caller';
import { AppConfigService } from '../config/app-config.service';
import { User } from '../users/user.entity';

interface TokenClaims {
  sub: string;
  ver: number;
}

/** Checks the token's signature and expiry, then that its user is still active and unchanged. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfigService,
    private readonly dataSource: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.values.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: TokenClaims): Promise<Caller | false> {
    if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return false;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: claims.sub });
    if (!user || !user.active || user.tokenVersion !== claims.ver) return false;
    return {
      userId: user.id,
      username: user.username,
      role: user.role,
      agencyId: user.agencyId,
      provinceCodes: user.provinceCodes,
    };
  }
}
