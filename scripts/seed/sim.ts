import type { FacilityAction } from '../../src/facilities/domain/facility.transitions';
import { DateQueue } from './heap';
import { Random } from './random';
import type { SeedSize, SimChild, SimEpisode, SimFacility, World } from './world';

export type EpisodeStepKind = 'assess' | 'decide' | 'leaveResidential' | 'finishReintegration' | 'visit' | 'review';

/** What happens next on the simulation's clock. */
export type Step =
  | { kind: 'facility'; facility: SimFacility; action: FacilityAction | 'renewMou' | 'inspect' }
  | { kind: 'refer'; index: number; alreadyInCare: boolean }
  | { kind: 'rerefer'; child: SimChild }
  | { kind: 'episode'; episode: SimEpisode; step: EpisodeStepKind };

/** The state the step handlers share: the world being written, the clock, the dice. */
export class Sim {
  readonly rnd: Random;
  readonly world: World;
  readonly queue = new DateQueue<Step>();
  readonly byProvince = new Map<string, SimFacility[]>();
  readonly facilityById = new Map<string, SimFacility>();
  readonly governmentOffice = new Map<string, string>();
  readonly operators: string[] = [];
  /** How fast gatekeeping takes hold in each province (1 is the national pace). */
  readonly gatekeepingPace = new Map<string, number>();
  private order = 0;

  constructor(
    readonly size: SeedSize,
    readonly start: string,
    readonly today: string,
    readonly inspectorIds: string[],
    world: World,
  ) {
    this.rnd = new Random(size.seed);
    this.world = world;
  }

  /** The next position in recording order. */
  next(): number {
    return this.order++;
  }

  /** Where the simulation is, from 0 (its start) to 1 (today). */
  progress(date: string): number {
    return (Date.parse(date) - Date.parse(this.start)) / (this.size.years * 365 * 86_400_000);
  }

  at(date: string, step: Step): void {
    this.queue.push(date, step);
  }
}
