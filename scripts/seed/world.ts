import type { EpisodeState, VisitRatings } from '../../src/care-episodes/domain/care-episode';
import type { EpisodeEventRecord } from '../../src/care-episodes/domain/care-episode.steps';
import type { FacilityType } from '../../src/facilities/domain/facility';
import type { FacilityState } from '../../src/facilities/domain/facility.effects';
import type { Ratings } from '../../src/inspections/domain/checklist';
import type { Outcome } from '../../src/inspections/domain/checklist';

/** How large a world to simulate. */
export interface SeedSize {
  name: string;
  provinces: string[] | 'all';
  facilities: number;
  agencies: number;
  children: number;
  /** Children already in residential care when the system starts (registered in its first months). */
  residentialAtStart: number;
  years: number;
  seed: number;
}

export const SIZES: Record<string, SeedSize> = {
  // The national story starts at the scale of the 2015 mapping (about 400 RCFs, 16,500 children) and
  // declines towards 2025's (about 300 RCFs, 10,000 children); the demo tells it in three provinces.
  demo: { name: 'demo', provinces: ['02', '12', '17'], facilities: 30, agencies: 12, children: 500, residentialAtStart: 160, years: 6, seed: 2026 },
  national: { name: 'national', provinces: 'all', facilities: 420, agencies: 300, children: 100_000, residentialAtStart: 16_500, years: 10, seed: 1975 },
};

/**
 * A size `factor` times larger: as many more children, facilities, operators and years of events
 * (`--scale 3`: 300,000 children and 1,260 facilities over 30 years), to measure how cost grows.
 */
export function scaled(size: SeedSize, factor: number): SeedSize {
  if (factor === 1) return size;
  const times = (n: number) => Math.round(n * factor);
  return {
    ...size,
    name: `${size.name} ×${factor}`,
    facilities: times(size.facilities),
    agencies: times(size.agencies),
    children: times(size.children),
    residentialAtStart: times(size.residentialAtStart),
    years: times(size.years),
  };
}

export interface RegistryEventRow {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  from: string | null;
  to: string;
  reason: string | null;
  payload: object;
  at: string;
}

export interface SimFacility extends FacilityState {
  id: string;
  registryCode: string;
  name: string;
  nameKm: string;
  type: FacilityType;
  operatorAgencyId: string;
  provinceCode: string;
  capacity: number;
  createdOn: string;
  residents: number;
  mouEndsOn: string | null;
  lastApprovedOn: string | null;
  fate: 'normal' | 'identified' | 'pending' | 'rejected' | 'closed_early' | 'remediation' | 'suspension' | 'transition';
  /** Keeps its unusual status to the end, so every status appears even in the demo. */
  lingers: boolean;
}

export interface SimChild {
  id: string;
  systemCode: string;
  givenName: string;
  familyName: string;
  givenNameKm: string;
  familyNameKm: string;
  sex: 'female' | 'male';
  dateOfBirth: string;
  dateOfBirthEstimated: boolean;
  birthRegistered: boolean;
  disability: boolean;
  parentalStatus: string;
  homeProvinceCode: string;
  registeredByAgencyId: string | null;
  recordKey: number;
}

/** An episode as the domain sees it (its state is changed only by the lifecycle's own effects), with its child. */
export interface SimEpisode extends EpisodeState {
  id: string;
  child: SimChild;
  /** One of the children in residential care before the system started: admitted without gatekeeping. */
  alreadyInCare?: boolean;
}

export interface World {
  agencies: { id: string; name: string; type: string }[];
  facilities: SimFacility[];
  registryEvents: RegistryEventRow[];
  mous: { id: string; facilityId: string; referenceNumber: string; status: string; signedOn: string; startsOn: string; endsOn: string; renewalOfId: string | null; createdOn: string }[];
  inspections: { id: string; facilityId: string; type: string; scheduledFor: string; conductedOn: string; ratings: Ratings; outcome: Outcome; createdOn: string; submittedAt: Date; approvedAt: Date }[];
  correctiveActions: { id: string; inspectionId: string; description: string; dueOn: string; status: string; resolvedOn: string | null; createdOn: string }[];
  children: SimChild[];
  episodes: SimEpisode[];
  events: (EpisodeEventRecord & { id: string; order: number; recordKey: number })[];
  reviews: { id: string; episodeId: string; reviewedOn: string; summary: string }[];
  visits: { id: string; episodeId: string; visitedOn: string; visitType: string; childSeen: boolean; ratings: VisitRatings; ratedWell: boolean; note: string | null }[];
}

export function emptyWorld(): World {
  return { agencies: [], facilities: [], registryEvents: [], mous: [], inspections: [], correctiveActions: [], children: [], episodes: [], events: [], reviews: [], visits: [] };
}

/** A recorded-at instant on a date (09:00 in Phnom Penh), kept in the order things were recorded. */
export function stamp(date: string, order: number): string {
  return new Date(Date.parse(`${date}T02:00:00Z`) + (order % 36_000_000)).toISOString();
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
