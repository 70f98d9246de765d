import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { isDatabaseUnavailable } from '../database/database-errors';
import { DatabaseUnavailable, Forbidden, Unauthenticated } from '../errors/domain-errors';
import { ACCESS_METADATA, AccessRule } from './authenticated.decorator';
import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller';
import { DeniedAccessLog } from './denied-access';
import { roleHasPermission } from './roles';

/**
 * The global guard. A route without a declared access rule is refused (deny by default); a public
 * route is let through; any other needs a valid token whose role holds the route's permission.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly deniedAccess: DeniedAccessLog,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, context.getHandler());
    if (!rule) throw new Forbidden('This route declares no access rule, so nobody may call it.');
    if ('public' in rule) return true;
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<FastifyRequest & { user: Caller }>();
    if (!roleHasPermission(request.user.role, rule.permission)) {
      await this.deniedAccess.denied(request, 403);
      throw new Forbidden();
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    // A token that could not be checked because the database is down is not a bad token: 503, not 401.
    if (error && isDatabaseUnavailable(error)) throw new DatabaseUnavailable();
    if (error || !user) throw new Unauthenticated();
    return user;
  }
}
