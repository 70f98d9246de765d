export const ROLES = ['admin', 'inspector', 'social_worker', 'ngo_worker', 'planner'] as const;
export type Role = (typeof ROLES)[number];

/** Every permission a route may require. A route declares exactly one, or that it is public. */
export const PERMISSIONS = [
  'agencies.read',
  'agencies.write',
  'users.read',
  'users.write',
  'provinces.read',
  'audit.read',
  'profile.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which role holds which permission. Deny by default: a permission not listed here is refused. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  inspector: ['agencies.read', 'users.read', 'provinces.read', 'profile.read'],
  social_worker: ['agencies.read', 'users.read', 'provinces.read', 'profile.read'],
  ngo_worker: ['agencies.read', 'users.read', 'provinces.read', 'profile.read'],
  planner: ['provinces.read', 'profile.read'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
