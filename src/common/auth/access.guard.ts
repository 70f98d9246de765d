import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Forbidden, Unauthenticated } from '../errors/domain-errors';
import { ACCESS_METADATA, AccessRule } from './authenticated.decorator';
import type { Caller } from './caller';
import { roleHasPermission } from './roles';

/**
 * The global guard. A route without a declared access rule is refused (deny by default); a public
 * route is let through; any other needs a valid token whose role holds the route's permission.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, context.getHandler());
    if (!rule) throw new Forbidden('This route declares no access rule, so nobody may call it.');
    if ('public' in rule) return true;
    await super.canActivate(context);
    const caller = context.switchToHttp().getRequest<{ user: Caller }>().user;
    if (!roleHasPermission(caller.role, rule.permission)) throw new Forbidden();
    return true;
  }

  override handleRequest<T>(error: unknown, user: T | false): T {
    if (error || !user) throw new Unauthenticated();
    return user;
  }
}
