import { FAMILY_OPTIONS, REFERRAL_REASONS, RESIDENT_STATUSES, type PlacementType, type ReferralReason, type VisitRatings } from '../../src/care-episodes/domain/care-episode';
import type { EpisodeBodies } from '../../src/care-episodes/domain/care-episode.bodies';
import { afterStep, episodeEvent, runEpisodeStep, runReferral, STEPS_WITHOUT_EVENT } from '../../src/care-episodes/domain/care-episode.steps';
import type { EpisodeStep } from '../../src/care-episodes/domain/care-episode.transitions';
import { ageOn, nextVisitDue, ratedWell } from '../../src/care-episodes/domain/schedules';
import { addDays, addMonths } from '../../src/common/time/calendar';
import { FAMILY_NAMES, GIVEN_NAMES } from './names';
import type { EpisodeStepKind, Sim } from './sim';
import { maxDate, type SimChild, type SimEpisode, type SimFacility } from './world';

/** One step of an episode through the domain's own table and effects, recorded as the API records it. */
function act<A extends EpisodeStep>(sim: Sim, e: SimEpisode, action: A, date: string, body: EpisodeBodies[A], target?: SimFacility): void {
  const result = runEpisodeStep(e, action, body, {
    role: 'social_worker',
    agencyId: null,
    today: date,
    childDateOfBirth: e.child.dateOfBirth,
    targetFacility: target && { id: target.id, status: target.status, capacity: target.capacity, residents: target.residents, provinceCode: target.provinceCode },
  });
  const recordsEvent = !STEPS_WITHOUT_EVENT.includes(action);
  Object.assign(e, afterStep(result, recordsEvent));
  if (recordsEvent) sim.world.events.push({ id: sim.rnd.uuid(), order: sim.next(), recordKey: sim.rnd.int(0, 255), ...episodeEvent(e.id, e, action, result.from, result.occurredOn, result.outcome) });
}

/** A referral opens an episode; a child referred again after a closed case is a re-entry. */
export function refer(sim: Sim, child: SimChild, date: string, returning: boolean, alreadyInCare = false): void {
  const { rnd, world } = sim;
  const reasons = [...new Set([
    rnd.weighted({ poverty: 30, abuse_or_neglect: 18, abandonment: 10, orphaned: 8, disability: 6, trafficking: 4, domestic_violence: 8, parental_migration: 8, conflict_with_law: 2, education_access: 5, other: 1 }),
    ...(rnd.chance(0.5) ? [rnd.pick(REFERRAL_REASONS)] : []),
  ])] as ReferralReason[];
  // Poverty alone is no reason for residential care: the children already there had another one too.
  if (alreadyInCare && reasons.length === 1 && reasons[0] === 'poverty') reasons.push(rnd.pick(['abandonment', 'orphaned', 'abuse_or_neglect', 'education_access'] as const));
  const body = { childId: child.id, responsibleAgencyId: child.registeredByAgencyId!, provinceCode: child.homeProvinceCode, referredOn: date, reasons };
  const { state, outcome } = runReferral(body, returning, { role: 'social_worker', agencyId: null, today: date, childDateOfBirth: child.dateOfBirth });
  const episode: SimEpisode = { ...state, id: rnd.uuid(), child, alreadyInCare };
  world.episodes.push(episode);
  world.events.push({ id: rnd.uuid(), order: sim.next(), recordKey: rnd.int(0, 255), ...episodeEvent(episode.id, episode, 'refer', null, date, outcome) });
  sim.at(addDays(date, rnd.int(2, 20)), { kind: 'episode', episode, step: 'assess' });
}

function findPlace(sim: Sim, provinceCode: string): SimFacility | undefined {
  const hasRoom = (f: SimFacility) => f.status === 'authorized' && f.residents < f.capacity;
  const near = (sim.byProvince.get(provinceCode) ?? []).filter(hasRoom);
  if (near.length > 0) return sim.rnd.pick(near);
  const anywhere = sim.world.facilities.filter(hasRoom);
  return anywhere.length > 0 ? sim.rnd.pick(anywhere) : undefined;
}

/** The facility's count, and a transition that can complete once the last child has left. */
function leftFacility(sim: Sim, facilityId: string | null, date: string): void {
  const facility = sim.facilityById.get(facilityId ?? '');
  if (!facility) return;
  facility.residents -= 1;
  if (facility.status === 'transitioning' && facility.residents === 0) sim.at(addDays(date, sim.rnd.int(1, 20)), { kind: 'facility', facility, action: 'completeTransition' });
}

function placeInFamily(sim: Sim, e: SimEpisode, date: string): void {
  const { rnd } = sim;
  const fromReintegration = e.status === 'reintegration';
  const age = ageOn(e.child.dateOfBirth, date);
  const type: PlacementType =
    fromReintegration && e.targetPlacementType ? e.targetPlacementType : age >= 16 && rnd.chance(0.2) ? 'independent_living' : rnd.weighted({ kinship_care: 45, parental_care: 32, foster_care: 23 });
  const familyAssessedOn = fromReintegration ? maxDate(addDays(date, -rnd.int(10, 20)), e.lastEventOn) : undefined;
  const planAgreedOn = familyAssessedOn ? maxDate(addDays(date, -rnd.int(1, 9)), familyAssessedOn) : undefined;
  const carerName = type === 'independent_living' ? e.child.givenName : `${rnd.pick(FAMILY_NAMES)[0]} ${rnd.pick(GIVEN_NAMES)[0]}`;
  const carerRelationship =
    type === 'kinship_care' ? rnd.pick(['grandmother', 'aunt', 'uncle', 'older sibling']) : type === 'parental_care' ? rnd.pick(['mother', 'father']) : type === 'foster_care' ? 'foster carer' : undefined;
  const facilityId = e.facilityId;
  act(sim, e, 'placeInFamily', date, { placementType: type, carerName, carerRelationship, provinceCode: e.child.homeProvinceCode, familyAssessedOn, planAgreedOn });
  if (fromReintegration) leftFacility(sim, facilityId, date);
  sim.at(nextVisitDue(date, 0), { kind: 'episode', episode: e, step: 'visit' });
}

/** Some children come back into the system after a case was closed: a re-entry. */
function maybeReturn(sim: Sim, e: SimEpisode, date: string): void {
  if (ageOn(e.child.dateOfBirth, date) < 17 && sim.rnd.chance(0.9)) sim.at(addDays(date, sim.rnd.int(60, 500)), { kind: 'rerefer', child: e.child });
}

/**
 * The gatekeeping decision: residential care as a last resort, less often as gatekeeping takes hold
 * (at each province's own pace), else a family, else closure. Children already in residential care
 * when the system started were admitted before gatekeeping, and stay for years.
 */
function decide(sim: Sim, e: SimEpisode, date: string): void {
  const { rnd } = sim;
  const pace = sim.gatekeepingPace.get(e.child.homeProvinceCode) ?? 1;
  const admitShare = Math.max(0.03, 0.14 - 0.1 * Math.min(1.3, sim.progress(date) * pace));
  const wantsResidential = (e.alreadyInCare || rnd.chance(admitShare)) && !(e.reasons.length === 1 && e.reasons[0] === 'poverty');
  const place = wantsResidential ? findPlace(sim, e.child.homeProvinceCode) : undefined;
  if (place) {
    const under3Justification = ageOn(e.child.dateOfBirth, date) < 3 ? 'Medical care the family cannot provide, for a few months only.' : undefined;
    const alternativesConsidered = FAMILY_OPTIONS.map((option) => ({ option, whyNotSuitable: 'assessed and not safe at this time' }));
    act(sim, e, 'admit', date, { facilityId: place.id, justification: 'No safe family option at this time.', alternativesConsidered, under3Justification }, place);
    place.residents += 1;
    // Stays of the children already in care are spread over the years (a few outlast the data set).
    const days = sim.size.years * 365;
    const stay = e.alreadyInCare ? rnd.int(Math.round(days * 0.05), Math.round(days * 1.1)) : rnd.int(200, Math.max(400, Math.min(2200, Math.round(days * 0.6))));
    sim.at(addDays(date, stay), { kind: 'episode', episode: e, step: 'leaveResidential' });
    sim.at(e.nextReviewDue!, { kind: 'episode', episode: e, step: 'review' });
  } else if (rnd.chance(0.12)) {
    act(sim, e, 'closeAtAssessment', date, { reason: 'no protection need; family support in place' });
    maybeReturn(sim, e, date);
  } else {
    placeInFamily(sim, e, date);
  }
}

function leaveResidential(sim: Sim, e: SimEpisode, date: string): void {
  const { rnd } = sim;
  const facility = sim.facilityById.get(e.facilityId!)!;
  if (ageOn(e.child.dateOfBirth, date) >= 18) {
    act(sim, e, 'close', date, { reason: 'aged_out' });
    leftFacility(sim, facility.id, date);
    return;
  }
  if (rnd.chance(0.08) && facility.status !== 'transitioning') {
    const target = findPlace(sim, e.child.homeProvinceCode);
    if (target && target.id !== facility.id) {
      act(sim, e, 'transfer', date, { facilityId: target.id, reason: 'closer to the child’s family' }, target);
      facility.residents -= 1;
      target.residents += 1;
      sim.at(addDays(date, rnd.int(120, 900)), { kind: 'episode', episode: e, step: 'leaveResidential' });
      return;
    }
  }
  const familyTracedOn = maxDate(addDays(date, -rnd.int(5, 40)), e.lastEventOn);
  const targetPlacementType: PlacementType = rnd.weighted({ parental_care: 50, kinship_care: 40, foster_care: 10 });
  act(sim, e, 'startReintegration', date, { targetPlacementType, familyTracedOn });
  sim.at(addDays(date, rnd.int(30, 150)), { kind: 'episode', episode: e, step: 'finishReintegration' });
}

function visit(sim: Sim, e: SimEpisode, date: string): void {
  const { rnd } = sim;
  if (rnd.chance(0.06)) {
    // A missed visit: done weeks late, so some cases are overdue when the simulation ends.
    sim.at(addDays(date, rnd.int(15, 60)), { kind: 'episode', episode: e, step: 'visit' });
    return;
  }
  const ratings: VisitRatings = { safety: rnd.int(2, 4), health: rnd.int(2, 4), education: rnd.int(2, 4), familyRelationships: rnd.int(2, 4), economicSituation: rnd.int(1, 4), wellbeing: rnd.int(2, 4) };
  if (rnd.chance(0.8)) for (const key of Object.keys(ratings) as (keyof VisitRatings)[]) ratings[key] = Math.max(3, ratings[key]);
  const body = { visitedOn: date, visitType: rnd.weighted({ home_visit: 70, phone_call: 15, school_visit: 12, other: 3 }), childSeen: rnd.chance(0.92), ratings };
  act(sim, e, 'recordFollowUpVisit', date, body);
  const well = ratedWell(ratings);
  sim.world.visits.push({ id: rnd.uuid(), episodeId: e.id, ...body, ratedWell: well, note: null });
  if (!well && rnd.chance(0.4)) {
    act(sim, e, 'reportBreakdown', date, { reason: 'the placement broke down' });
    sim.at(addDays(date, rnd.int(5, 30)), { kind: 'episode', episode: e, step: 'decide' });
    return;
  }
  if (e.placementType !== 'independent_living' && e.placementType !== 'parental_care' && rnd.chance(0.04)) {
    const carerName = `${rnd.pick(FAMILY_NAMES)[0]} ${rnd.pick(GIVEN_NAMES)[0]}`;
    act(sim, e, 'changePlacement', date, {
      placementType: e.placementType!, carerName, carerRelationship: e.carerRelationship ?? undefined, provinceCode: e.provinceCode, previousEndReason: 'the carer could no longer care for the child',
    });
    sim.at(nextVisitDue(date, 0), { kind: 'episode', episode: e, step: 'visit' });
    return;
  }
  // As the close guard sees it: the latest visit recorded, which a late one from an earlier round does not replace.
  if (addMonths(e.placedOn!, 6) <= date && e.visitsSincePlacement >= 4 && e.lastVisitRatedWell && rnd.chance(0.35)) {
    act(sim, e, 'close', date, { reason: 'goals_met' });
    maybeReturn(sim, e, date);
    return;
  }
  if (ageOn(e.child.dateOfBirth, date) >= 18 && rnd.chance(0.5)) {
    act(sim, e, 'close', date, { reason: 'aged_out' });
    return;
  }
  sim.at(e.nextVisitDue!, { kind: 'episode', episode: e, step: 'visit' });
}

/** The case work on one episode, step by step. */
export function episodeStep(sim: Sim, e: SimEpisode, step: EpisodeStepKind, date: string): void {
  const { rnd } = sim;
  if (e.status === 'closed') return;
  switch (step) {
    case 'assess':
      if (e.status !== 'referred') break;
      if (rnd.chance(0.05)) {
        act(sim, e, 'closeAtAssessment', date, { reason: 'no protection need' });
        break;
      }
      act(sim, e, 'startAssessment', date, {});
      sim.at(addDays(date, rnd.int(5, 30)), { kind: 'episode', episode: e, step: 'decide' });
      break;
    case 'decide':
      if (e.status === 'assessment') decide(sim, e, date);
      break;
    case 'review':
      if (!RESIDENT_STATUSES.includes(e.status)) break;
      if (rnd.chance(0.85)) {
        const summary = 'Care plan reviewed with the child and staff.';
        act(sim, e, 'recordReview', date, { reviewedOn: date, summary });
        sim.world.reviews.push({ id: rnd.uuid(), episodeId: e.id, reviewedOn: date, summary });
      }
      sim.at(addDays(date, rnd.int(80, 100)), { kind: 'episode', episode: e, step: 'review' });
      break;
    case 'leaveResidential':
      if (e.status === 'residential_care') leaveResidential(sim, e, date);
      break;
    case 'finishReintegration': {
      if (e.status !== 'reintegration') break;
      const facility = sim.facilityById.get(e.facilityId ?? '');
      if (rnd.chance(0.2) && facility?.status !== 'transitioning') {
        act(sim, e, 'abandonReintegration', date, { reason: 'the family withdrew' });
        sim.at(addDays(date, rnd.int(90, 700)), { kind: 'episode', episode: e, step: 'leaveResidential' });
        break;
      }
      placeInFamily(sim, e, date);
      break;
    }
    case 'visit':
      if (e.status === 'family_based_care') visit(sim, e, date);
      break;
  }
  // A facility in transition sends its children home: their next step comes soon.
  if (e.status === 'residential_care' && sim.facilityById.get(e.facilityId ?? '')?.status === 'transitioning') {
    sim.at(addDays(date, rnd.int(20, 120)), { kind: 'episode', episode: e, step: 'leaveResidential' });
  }
}
