import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOAuth2, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Caller } from './caller';
import type { Acting } from '../database/unit-of-work';
import { Permission, ROLE_PERMISSIONS, ROLES } from './roles';

export const ACCESS_METADATA = 'rcf:access';
export type AccessRule = { permission: Permission } | { public: true };

/** Declares who may call a route. Every route must carry it (or @PublicRoute); the guard denies the rest. */
export function Authenticated(options: { permission: Permission }) {
  const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(options.permission));
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, options),
    ApiBearerAuth(),
    ApiOAuth2([]),
    ApiUnauthorizedResponse({ description: 'Missing, expired or revoked token (problem+json `UNAUTHENTICATED`).' }),
    ApiForbiddenResponse({
      description: `Permission \`${options.permission}\`, held by: ${roles.join(', ')}. Other roles get problem+json \`FORBIDDEN\`.`,
    }),
  );
}

export function PublicRoute() {
  return SetMetadata(ACCESS_METADATA, { public: true } satisfies AccessRule);
}

/**
 * The caller of the route: acting in the request's unit of work (an `Acting`), or, on a route marked
 * `@WithoutTransaction()`, only the `Caller`.
 */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Acting | Caller => {
  const request = context.switchToHttp().getRequest<{ user?: Caller | null; acting?: Acting | null }>();
  if (!request.user) throw new Error('CurrentCaller used on a route without authentication');
  return request.acting ?? request.user;
});
