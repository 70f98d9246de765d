import type { Role } from '../../common/auth/roles';
import { applyCreation, applyTransition } from '../../common/state-machine/transition-table';
import type { EpisodeState, EpisodeStatus } from './care-episode';
import type { EpisodeBodies, ReferBody } from './care-episode.bodies';
import { careEpisodeEffects, openEpisode, type EpisodeEffect, type EpisodeOutcome } from './care-episode.effects';
import { careEpisodeTransitions, type EpisodeFacts, type EpisodeStep } from './care-episode.transitions';
import { ageOn } from './schedules';

/** What the caller knows beside the episode and the body: today, the child's birth date, the target facility. */
export interface StepContext {
  role: Role;
  /** The acting user's agency (an NGO's, or a social worker's office), for the who-may-act guards. */
  agencyId: string | null;
  today: string;
  childDateOfBirth: string;
  targetFacility?: { status: string; capacity: number; residents: number; provinceCode: string; id: string };
}

export interface StepResult {
  from: EpisodeStatus;
  to: EpisodeStatus;
  occurredOn: string;
  outcome: EpisodeOutcome;
}

export function baseFacts(e: Readonly<EpisodeState>, occurredOn: string, context: StepContext): EpisodeFacts {
  return {
    today: context.today,
    occurredOn,
    lastEventOn: e.lastEventOn,
    from: e.status,
    reasons: e.reasons,
    childDateOfBirth: context.childDateOfBirth,
    childAgeOnOccurrence: ageOn(context.childDateOfBirth, occurredOn),
    residentialSince: e.residentialSince,
    placedOn: e.placedOn,
    visitsSincePlacement: e.visitsSincePlacement,
    lastVisitRatedWell: e.lastVisitRatedWell,
    actorRole: context.role,
    actorAgencyId: context.agencyId,
    responsibleAgencyId: e.responsibleAgencyId,
    targetFacility: context.targetFacility && {
      status: context.targetFacility.status,
      capacity: context.targetFacility.capacity,
      residents: context.targetFacility.residents,
      isCurrent: context.targetFacility.id === e.facilityId,
    },
  };
}

/** The facility a step moves the child to, if any: the service loads it before running the step. */
export function targetFacilityOf<A extends EpisodeStep>(action: A, body: EpisodeBodies[A]): string | undefined {
  const effect: EpisodeEffect<EpisodeBodies[A]> = careEpisodeEffects[action];
  return effect.targetFacilityId?.(body);
}

/**
 * One step of an episode, checked against the table and its guards, with what it changes. Pure: the
 * service and the seed both run it, then store the result their own way.
 */
export function runEpisodeStep<A extends EpisodeStep>(e: Readonly<EpisodeState>, action: A, body: EpisodeBodies[A], context: StepContext): StepResult {
  const effect: EpisodeEffect<EpisodeBodies[A]> = careEpisodeEffects[action];
  const occurredOn = effect.date?.(body) ?? (body as { occurredOn?: string }).occurredOn ?? context.today;
  const facts = { ...baseFacts(e, occurredOn, context), ...effect.facts?.(body) };
  const to = applyTransition(careEpisodeTransitions, { action, from: e.status, role: context.role, facts });
  const outcome = effect.apply(e, body, { occurredOn, targetProvinceCode: context.targetFacility?.provinceCode });
  return { from: e.status, to, occurredOn, outcome };
}

/** A referral, checked against the table's creation step: the new episode and its first event. */
export function runReferral(body: ReferBody, returning: boolean, context: StepContext): { state: EpisodeState; outcome: EpisodeOutcome } {
  const opened = openEpisode(body, returning);
  applyCreation(careEpisodeTransitions, { action: 'refer', role: context.role, facts: baseFacts(opened.state, body.referredOn, context) });
  return opened;
}

/** The event row a step leaves: where the child is after it, and why. Written by the service and the seed alike. */
export interface EpisodeEventRecord {
  episodeId: string;
  childId: string;
  action: string;
  fromStatus: EpisodeStatus | null;
  toStatus: EpisodeStatus;
  occurredOn: string;
  responsibleAgencyId: string;
  provinceCode: string;
  facilityId: string | null;
  placementType: string | null;
  reason: string | null;
  payload: Record<string, unknown>;
  reEntry: boolean;
}

export function episodeEvent(episodeId: string, after: Readonly<EpisodeState>, action: string, from: EpisodeStatus | null, occurredOn: string, outcome: EpisodeOutcome): EpisodeEventRecord {
  return {
    episodeId,
    childId: after.childId,
    action,
    fromStatus: from,
    toStatus: after.status,
    occurredOn,
    responsibleAgencyId: after.responsibleAgencyId,
    provinceCode: after.provinceCode,
    facilityId: after.facilityId,
    placementType: after.placementType,
    reason: outcome.reason,
    payload: outcome.payload,
    reEntry: outcome.reEntry,
  };
}

/** The episode after a step: the changes, the new status, and the step's date as the latest event. */
export function afterStep(result: StepResult, recordsEvent: boolean): Partial<EpisodeState> {
  return { ...result.outcome.changes, status: result.to, ...(recordsEvent ? { lastEventOn: result.occurredOn } : {}) };
}

/** Reviews and visits are recorded beside the episode; every other step is an event of it. */
export const STEPS_WITHOUT_EVENT: readonly EpisodeStep[] = ['recordReview', 'recordFollowUpVisit'];
