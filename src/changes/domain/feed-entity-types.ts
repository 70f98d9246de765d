import type { Permission } from '../../common/auth/roles';

/** The records the change feed reports, each with the permission that reading it needs. */
export const FEED_ENTITY_TYPES = ['facility', 'mou', 'inspection', 'corrective_action', 'child', 'care_episode'] as const;
export type FeedEntityType = (typeof FEED_ENTITY_TYPES)[number];

export const FEED_READ_PERMISSION: Record<FeedEntityType, Permission> = {
  facility: 'facilities.read',
  mou: 'mous.read',
  inspection: 'inspections.read',
  corrective_action: 'inspections.read',
  child: 'children.read',
  care_episode: 'episodes.read',
};
