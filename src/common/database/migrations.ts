import { Platform1763700000000 } from '../../../migrations/1763700000000-platform';
import { FacilityRegistry1763800000000 } from '../../../migrations/1763800000000-facility-registry';
import { CareEpisodes1763900000000 } from '../../../migrations/1763900000000-care-episodes';
import { CarePeriods1764000000000 } from '../../../migrations/1764000000000-care-periods';
import { FastFigures1764100000000 } from '../../../migrations/1764100000000-fast-figures';
import { FlowRollup1764200000000 } from '../../../migrations/1764200000000-flow-rollup';

/** Every migration, in order. Listed by hand so the build and the tests run exactly these. */
export const MIGRATIONS = [Platform1763700000000, FacilityRegistry1763800000000, CareEpisodes1763900000000, CarePeriods1764000000000, FastFigures1764100000000, FlowRollup1764200000000];
