import type { CurrentMouView } from './dto/facility.dto';
import type { UnitOfWork } from '../common/database/unit-of-work';

/**
 * What the registry reads of records that other features own, without importing them: the MoUs
 * feature and the care episodes feature provide these (bound in app.module), so the arrows point
 * down to the registry and never back up.
 */
export abstract class FacilityMouReader {
  /** Per facility: the MoU in force today, else the latest one that was active and has expired. */
  abstract currentMous(work: UnitOfWork, facilityIds: string[], today: string): Promise<Map<string, CurrentMouView>>;
  /** SQL true when facility alias `f` has an MoU in force on `:today`. */
  abstract inForceSql(): string;
}

export abstract class FacilityResidentReader {
  /** How many children live in each facility now. */
  abstract forFacilities(work: UnitOfWork, facilityIds: string[]): Promise<Map<string, number>>;
}
