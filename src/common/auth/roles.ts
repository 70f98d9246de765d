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
  'facilities.read',
  'facilities.write',
  'mous.read',
  'mous.write',
  'inspections.read',
  'inspections.write',
  'children.read',
  'children.write',
  'episodes.read',
  'episodes.write',
  'figures.read',
  'populations.write',
  'worklist.read',
  'duplicates.review',
  'changes.read',
  'api_clients.manage',
  'webhooks.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which role holds which permission. Deny by default: a permission not listed here is refused. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  inspector: [
    'agencies.read',
    'users.read',
    'provinces.read',
    'profile.read',
    'facilities.read',
    'facilities.write',
    'mous.read',
    'mous.write',
    'inspections.read',
    'inspections.write',
    'children.read',
    'episodes.read',
    'worklist.read',
    'changes.read',
  ],
  social_worker: [
    'agencies.read',
    'users.read',
    'provinces.read',
    'profile.read',
    'facilities.read',
    'children.read',
    'children.write',
    'episodes.read',
    'episodes.write',
    'duplicates.review',
    'worklist.read',
    'changes.read',
  ],
  ngo_worker: [
    'agencies.read',
    'users.read',
    'provinces.read',
    'profile.read',
    'facilities.read',
    'mous.read',
    'inspections.read',
    'children.read',
    'children.write',
    'episodes.read',
    'episodes.write',
    'worklist.read',
    'changes.read',
    'webhooks.manage',
  ],
  planner: ['provinces.read', 'profile.read', 'figures.read'],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
