import {
  FAMILY_OPTIONS,
  REFERRAL_REASONS,
  RESIDENT_STATUSES,
  type CloseReason,
  type EpisodeStatus,
  type PlacementType,
  type ReferralReason,
  type VisitRatings,
} from '../../src/care-episodes/domain/care-episode';
import { careEpisodeTransitions, type EpisodeAction, type EpisodeFacts } from '../../src/care-episodes/domain/care-episode.transitions';
import { ageOn, nextReviewDue, nextVisitDue, ratedWell } from '../../src/care-episodes/domain/schedules';
import { applyTransition } from '../../src/common/state-machine/transition-table';
import { addDays, addMonths, addYears } from '../../src/common/time/calendar';
import type { FacilityStatus, FacilityType } from '../../src/facilities/domain/facility';
import { facilityTransitions, type FacilityAction } from '../../src/facilities/domain/facility.transitions';
import { CHECKLIST_AREAS, type Outcome } from '../../src/inspections/domain/checklist';
import { defaultEndsOn } from '../../src/mous/domain/mou';
import { DateQueue } from './heap';
import { FAMILY_NAMES, GIVEN_NAMES, PROVINCE_WEIGHTS } from './names';
import { Random } from './random';

/**
 * Simulates years of the system's life in date order and records every step. Each transition goes
 * through the real transition tables and guards, so the history written is one the API accepts.
 */
export interface SeedSize {
  name: string;
  provinces: string[] | 'all';
  facilities: number;
  agencies: number;
  children: number;
  years: number;
  seed: number;
}

export const SIZES: Record<string, SeedSize> = {
  demo: { name: 'demo', provinces: ['02', '12', '17'], facilities: 30, agencies: 12, children: 400, years: 4, seed: 2026 },
  national: { name: 'national', provinces: 'all', facilities: 1000, agencies: 300, children: 100_000, years: 10, seed: 1975 },
};

export interface World {
  agencies: { id: string; name: string; type: string }[];
  facilities: SimFacility[];
  registryEvents: { id: string; entityType: string; entityId: string; action: string; from: string | null; to: string; reason: string | null; payload: object; at: string }[];
  mous: { id: string; facilityId: string; referenceNumber: string; status: string; signedOn: string; startsOn: string; endsOn: string; renewalOfId: string | null; createdOn: string }[];
  inspections: { id: string; facilityId: string; type: string; scheduledFor: string; conductedOn: string; ratings: object; outcome: Outcome; inspectorId: string; approverId: string; createdOn: string }[];
  correctiveActions: { id: string; inspectionId: string; description: string; dueOn: string; status: string; resolvedOn: string | null; createdOn: string }[];
  children: SimChild[];
  episodes: SimEpisode[];
  events: { id: string; episodeId: string; childId: string; action: string; from: string | null; to: string; occurredOn: string; order: number; responsibleAgencyId: string; provinceCode: string; facilityId: string | null; placementType: string | null; reason: string | null; payload: object }[];
  reviews: { id: string; episodeId: string; reviewedOn: string; summary: string }[];
  visits: { id: string; episodeId: string; visitedOn: string; visitType: string; childSeen: boolean; ratings: VisitRatings; ratedWell: boolean; note: string | null }[];
}

export interface SimFacility {
  id: string;
  registryCode: string;
  name: string;
  nameKm: string;
  type: FacilityType;
  operatorAgencyId: string;
  provinceCode: string;
  capacity: number;
  createdOn: string;
  status: FacilityStatus;
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
}

export interface SimEpisode {
  id: string;
  childId: string;
  child: SimChild;
  responsibleAgencyId: string;
  provinceCode: string;
  status: EpisodeStatus;
  referredOn: string;
  reasons: ReferralReason[];
  facilityId: string | null;
  residentialSince: string | null;
  lastReviewOn: string | null;
  targetPlacementType: PlacementType | null;
  familyTracedOn: string | null;
  placementType: PlacementType | null;
  carerName: string | null;
  carerRelationship: string | null;
  placedOn: string | null;
  visits: number;
  lastVisitOn: string | null;
  lastVisitRatedWell: boolean | null;
  lastEventOn: string;
  closedOn: string | null;
  closeReason: CloseReason | null;
}

type Step =
  | { kind: 'facility'; facility: SimFacility; action: FacilityAction | 'renewMou' | 'inspect' }
  | { kind: 'refer'; index: number }
  | { kind: 'rerefer'; child: SimChild }
  | { kind: 'episode'; episode: SimEpisode; step: 'assess' | 'decide' | 'leaveResidential' | 'finishReintegration' | 'visit' | 'review' };

const TYPE_WEIGHTS: Record<FacilityType, number> = {
  residential_care_institution: 60,
  transit_emergency_centre: 10,
  group_home: 12,
  pagoda_or_religious_centre: 10,
  boarding_school: 5,
  state_centre: 3,
};

export function simulate(size: SeedSize, today: string, inspectorIds: string[]): World {
  const rnd = new Random(size.seed);
  const start = addYears(today, -size.years);
  const provinceWeights: Record<string, number> = {};
  const allProvinces = size.provinces === 'all' ? Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0')) : size.provinces;
  for (const code of allProvinces) provinceWeights[code] = PROVINCE_WEIGHTS[code] ?? (size.provinces === 'all' ? 1.25 : 5);
  const world: World = { agencies: [], facilities: [], registryEvents: [], mous: [], inspections: [], correctiveActions: [], children: [], episodes: [], events: [], reviews: [], visits: [] };
  const queue = new DateQueue<Step>();
  let order = 0;

  // Agencies: one government office per province, the rest NGOs and faith-based operators.
  const governmentOffice = new Map<string, string>();
  for (const code of allProvinces) {
    const id = rnd.uuid();
    governmentOffice.set(code, id);
    world.agencies.push({ id, name: `DoSVY office, province ${code}`, type: 'government' });
  }
  const operators: string[] = [];
  for (let i = 0; i < size.agencies; i++) {
    const id = rnd.uuid();
    operators.push(id);
    world.agencies.push({ id, name: `${rnd.pick(['Hope', 'Sunrise', 'Lotus', 'Mekong', 'Angkor', 'Little Stars', 'Bridge', 'Family First'])} ${rnd.pick(['Children', 'Kids', 'Family', 'Youth'])} ${rnd.pick(['Foundation', 'Association', 'Organisation', 'Home'])} ${i + 1}`, type: rnd.chance(0.15) ? 'faith_based' : rnd.chance(0.1) ? 'private' : 'ngo' });
  }

  // Facilities, with a few given each unusual fate so every status appears.
  const fates: SimFacility['fate'][] = ['identified', 'pending', 'rejected', 'closed_early', 'remediation', 'suspension', 'transition', 'transition'];
  const byProvince = new Map<string, SimFacility[]>();
  const facilityById = new Map<string, SimFacility>();
  for (let i = 0; i < size.facilities; i++) {
    const provinceCode = rnd.weighted(provinceWeights);
    const createdOn = addDays(start, i < size.facilities * 0.8 ? rnd.int(0, 200) : rnd.int(200, size.years * 300));
    const fate = i < fates.length ? fates[i] : rnd.chance(0.12) ? 'transition' : rnd.chance(0.04) ? 'suspension' : rnd.chance(0.05) ? 'remediation' : rnd.chance(0.03) ? rnd.pick(['identified', 'pending', 'rejected', 'closed_early'] as const) : 'normal';
    const facility: SimFacility = {
      id: rnd.uuid(),
      registryCode: `RCF-${provinceCode}-${String(i + 1).padStart(5, '0')}`,
      name: `${rnd.pick(['Hope', 'Sunrise', 'Lotus', 'Golden', 'Peace', 'Light', 'Kindness', 'Blessing'])} ${rnd.pick(['Children’s Home', 'Orphanage', 'Centre', 'House'])} ${i + 1}`,
      nameKm: `មណ្ឌលកុមារ ${i + 1}`,
      type: rnd.weighted(TYPE_WEIGHTS),
      operatorAgencyId: rnd.pick(operators),
      provinceCode,
      capacity: rnd.int(15, 120),
      createdOn,
      status: 'identified',
      residents: 0,
      mouEndsOn: null,
      lastApprovedOn: null,
      fate,
      lingers: i < fates.length,
    };
    world.facilities.push(facility);
    facilityById.set(facility.id, facility);
    byProvince.set(provinceCode, [...(byProvince.get(provinceCode) ?? []), facility]);
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'facility', entityId: facility.id, action: 'create', from: null, to: 'identified', reason: null, payload: {}, at: stamp(createdOn, order++) });
    if (fate !== 'identified') queue.push(addDays(createdOn, rnd.int(10, 60)), { kind: 'facility', facility, action: 'submitApplication' });
  }

  // The children already in care when the system starts are registered in its first three months;
  // after that referrals come a little fewer each year (density falling linearly by 60%).
  const falling = 0.6;
  const referralDates = Array.from({ length: size.children }, (_, i) => {
    if (i < size.children * 0.15) return addDays(start, rnd.int(30, 120));
    const c = rnd.next() * (1 - falling / 2);
    const yearFraction = (1 - Math.sqrt(1 - 2 * falling * c)) / falling;
    return addDays(start, 30 + Math.floor(yearFraction * (size.years * 365 - 31)));
  }).sort();
  referralDates.forEach((date, index) => queue.push(date, { kind: 'refer', index }));

  const facilityAct = (facility: SimFacility, action: FacilityAction, date: string, reason: string | null, payload: object = {}) => {
    const from = facility.status;
    facility.status = applyTransition(facilityTransitions, {
      action,
      from,
      role: 'inspector',
      facts: { hasActiveMou: !!facility.mouEndsOn && facility.mouEndsOn > date, residentCount: facility.residents, today: date, deadline: addDays(date, 60), targetDate: addDays(date, 180) },
    });
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'facility', entityId: facility.id, action, from, to: facility.status, reason, payload, at: stamp(date, order++) });
  };

  const signMou = (facility: SimFacility, date: string, renewalOfId: string | null) => {
    const id = rnd.uuid();
    const endsOn = defaultEndsOn(date);
    world.mous.push({ id, facilityId: facility.id, referenceNumber: `MoSVY-${date.slice(0, 4)}-${world.mous.length + 1}`, status: 'active', signedOn: date, startsOn: date, endsOn, renewalOfId, createdOn: date });
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'mou', entityId: id, action: 'create', from: null, to: 'draft', reason: null, payload: {}, at: stamp(date, order++) });
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'mou', entityId: id, action: 'activate', from: 'draft', to: 'active', reason: null, payload: { endsOn }, at: stamp(date, order++) });
    if (renewalOfId) {
      const old = world.mous.find((m) => m.id === renewalOfId)!;
      old.status = 'superseded';
      world.registryEvents.push({ id: rnd.uuid(), entityType: 'mou', entityId: old.id, action: 'supersede', from: 'active', to: 'superseded', reason: null, payload: { supersededById: id }, at: stamp(date, order++) });
    }
    facility.mouEndsOn = endsOn;
    queue.push(addDays(endsOn, -rnd.int(5, 40)), { kind: 'facility', facility, action: 'renewMou' });
    return id;
  };

  const findPlace = (provinceCode: string): SimFacility | undefined => {
    const near = (byProvince.get(provinceCode) ?? []).filter((f) => f.status === 'authorized' && f.residents < f.capacity);
    if (near.length > 0) return rnd.pick(near);
    const anywhere = world.facilities.filter((f) => f.status === 'authorized' && f.residents < f.capacity);
    return anywhere.length > 0 ? rnd.pick(anywhere) : undefined;
  };

  const act = (e: SimEpisode, action: EpisodeAction, date: string, extra: Partial<EpisodeFacts> & { target?: SimFacility } = {}, reason: string | null = null, payload: object = {}) => {
    const from = e.status;
    const { target, ...facts } = extra;
    e.status = applyTransition(careEpisodeTransitions, {
      action,
      from,
      role: 'social_worker',
      facts: {
        today: date,
        occurredOn: date,
        lastEventOn: e.lastEventOn,
        from,
        reasons: e.reasons,
        childAgeOnOccurrence: ageOn(e.child.dateOfBirth, date),
        targetFacility: target ? { status: target.status, capacity: target.capacity, residents: target.residents, isCurrent: target.id === e.facilityId } : undefined,
        placedOn: e.placedOn,
        visitsSincePlacement: e.visits,
        lastVisitRatedWell: e.lastVisitRatedWell,
        ...facts,
      },
    });
    e.lastEventOn = date;
    world.events.push({ id: rnd.uuid(), episodeId: e.id, childId: e.childId, action, from, to: e.status, occurredOn: date, order: order++, responsibleAgencyId: e.responsibleAgencyId, provinceCode: e.provinceCode, facilityId: e.facilityId, placementType: e.placementType, reason, payload });
  };

  const leaveFacility = (e: SimEpisode, date: string) => {
    const facility = facilityById.get(e.facilityId ?? '');
    if (facility) {
      facility.residents -= 1;
      if (facility.status === 'transitioning' && facility.residents === 0) queue.push(addDays(date, rnd.int(1, 20)), { kind: 'facility', facility, action: 'completeTransition' });
    }
    Object.assign(e, { facilityId: null, residentialSince: null, lastReviewOn: null });
  };

  const placeInFamily = (e: SimEpisode, date: string, fromReintegration: boolean) => {
    const age = ageOn(e.child.dateOfBirth, date);
    const type: PlacementType = fromReintegration && e.targetPlacementType ? e.targetPlacementType : age >= 16 && rnd.chance(0.2) ? 'independent_living' : rnd.weighted({ kinship_care: 45, parental_care: 32, foster_care: 23 });
    const family = rnd.pick(FAMILY_NAMES)[0];
    const facts = fromReintegration ? { familyAssessedOn: addDays(date, -rnd.int(10, 20)), planAgreedOn: addDays(date, -rnd.int(1, 9)) } : {};
    if (fromReintegration) {
      facts.familyAssessedOn = maxDate(facts.familyAssessedOn!, e.lastEventOn);
      facts.planAgreedOn = maxDate(facts.planAgreedOn!, facts.familyAssessedOn);
    }
    if (fromReintegration) leaveFacility(e, date);
    Object.assign(e, {
      placementType: type,
      carerName: type === 'independent_living' ? e.child.givenName : `${family} ${rnd.pick(GIVEN_NAMES)[0]}`,
      carerRelationship: type === 'kinship_care' ? rnd.pick(['grandmother', 'aunt', 'uncle', 'older sibling']) : type === 'parental_care' ? rnd.pick(['mother', 'father']) : type === 'foster_care' ? 'foster carer' : null,
      provinceCode: e.child.homeProvinceCode,
      placedOn: date,
      visits: 0,
      lastVisitOn: null,
      lastVisitRatedWell: null,
      targetPlacementType: null,
    });
    act(e, 'placeInFamily', date, facts, null, { placementType: type, ...facts });
    queue.push(nextVisitDue(date, 0), { kind: 'episode', episode: e, step: 'visit' });
  };

  const decide = (e: SimEpisode, date: string) => {
    const progress = (Date.parse(date) - Date.parse(start)) / (size.years * 365 * 86_400_000);
    const early = progress < 0.04; // children already in residential care when the system started
    const wantsResidential = rnd.chance(early ? 0.9 : Math.max(0.12, 0.55 - 0.45 * progress)) && !(e.reasons.length === 1 && e.reasons[0] === 'poverty');
    const place = wantsResidential ? findPlace(e.child.homeProvinceCode) : undefined;
    if (place) {
      const under3 = ageOn(e.child.dateOfBirth, date) < 3 ? 'Medical care the family cannot provide, for a few months only.' : undefined;
      const alternativesConsidered = FAMILY_OPTIONS.map((option) => ({ option, whyNotSuitable: 'assessed and not safe at this time' }));
      act(e, 'admit', date, { target: place, alternativesConsidered, under3Justification: under3 }, null, { facilityId: place.id });
      Object.assign(e, { facilityId: place.id, provinceCode: place.provinceCode, residentialSince: date, lastReviewOn: null });
      // The event row records where the child is after the event.
      world.events[world.events.length - 1].facilityId = place.id;
      world.events[world.events.length - 1].provinceCode = place.provinceCode;
      place.residents += 1;
      queue.push(addDays(date, rnd.int(120, 1800)), { kind: 'episode', episode: e, step: 'leaveResidential' });
      queue.push(nextReviewDue(date, null), { kind: 'episode', episode: e, step: 'review' });
    } else if (rnd.chance(0.12)) {
      act(e, 'closeAtAssessment', date, {}, 'no protection need; family support in place');
      Object.assign(e, { closedOn: date });
      maybeReturn(e, date);
    } else {
      placeInFamily(e, date, false);
    }
  };

  const usedCodes = new Set<string>();
  const systemCode = (): string => {
    for (;;) {
      const code = `CH-${Array.from({ length: 10 }, () => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[rnd.int(0, 31)]).join('')}`;
      if (usedCodes.has(code)) continue;
      usedCodes.add(code);
      return code;
    }
  };
  const registerChild = (date: string): SimChild => {
    const homeProvinceCode = rnd.weighted(provinceWeights);
    const [given, givenKm, sexHint] = rnd.pick(GIVEN_NAMES);
    const [family, familyKm] = rnd.pick(FAMILY_NAMES);
    const age = rnd.weighted({ '0': 3, '1': 4, '3': 8, '6': 30, '12': 30, '15': 25 });
    const child: SimChild = {
      id: rnd.uuid(),
      systemCode: systemCode(),
      givenName: given,
      familyName: family,
      givenNameKm: givenKm,
      familyNameKm: familyKm,
      sex: sexHint === 'any' ? (rnd.chance(0.5) ? 'female' : 'male') : sexHint,
      dateOfBirth: addDays(date, -(Number(age) * 365 + rnd.int(30, age === '15' ? 900 : 1000))),
      dateOfBirthEstimated: rnd.chance(0.15),
      birthRegistered: rnd.chance(0.7),
      disability: rnd.chance(0.12),
      // About 80% have at least one living parent, as the mapping found.
      parentalStatus: rnd.weighted({ both_parents_living: 42, one_parent_living: 38, no_living_parent: 15, unknown: 5 }),
      homeProvinceCode,
      registeredByAgencyId: rnd.chance(0.6) ? rnd.pick(operators) : governmentOffice.get(homeProvinceCode)!,
    };
    world.children.push(child);
    return child;
  };

  /** Some children come back into the system after a case was closed: a re-entry. */
  const maybeReturn = (e: SimEpisode, date: string) => {
    if (ageOn(e.child.dateOfBirth, date) < 17 && rnd.chance(0.9)) queue.push(addDays(date, rnd.int(60, 500)), { kind: 'rerefer', child: e.child });
  };

  while (queue.size > 0) {
    const next = queue.pop()!;
    const date = next.date;
    if (date > today) break;
    const step = next.value;
    if (step.kind === 'facility') {
      const f = step.facility;
      switch (step.action) {
        case 'submitApplication':
          facilityAct(f, 'submitApplication', date, null);
          if (f.fate === 'pending') break;
          if (f.fate === 'rejected') { queue.push(addDays(date, rnd.int(20, 90)), { kind: 'facility', facility: f, action: 'reject' }); break; }
          if (f.fate === 'closed_early') { queue.push(addDays(date, rnd.int(20, 90)), { kind: 'facility', facility: f, action: 'close' }); break; }
          queue.push(addDays(date, rnd.int(20, 90)), { kind: 'facility', facility: f, action: 'authorize' });
          break;
        case 'authorize': {
          signMou(f, date, null);
          facilityAct(f, 'authorize', date, null);
          queue.push(addDays(date, rnd.int(30, 200)), { kind: 'facility', facility: f, action: 'inspect' });
          const later = f.lingers ? maxDate(addDays(today, -rnd.int(20, 60)), addDays(date, 30)) : addDays(date, rnd.int(400, Math.max(500, size.years * 300)));
          if (f.fate === 'remediation') queue.push(later, { kind: 'facility', facility: f, action: 'requireRemediation' });
          if (f.fate === 'suspension') queue.push(later, { kind: 'facility', facility: f, action: 'suspend' });
          if (f.fate === 'transition') {
            const when = maxDate(addDays(today, f.lingers && f.id === world.facilities[6]?.id ? -rnd.int(5, 15) : -rnd.int(30, Math.min(1800, size.years * 300))), addDays(date, 60));
            queue.push(when, { kind: 'facility', facility: f, action: 'beginTransition' });
          }
          break;
        }
        case 'reject':
        case 'close':
          facilityAct(f, step.action, date, step.action === 'reject' ? 'operator could not show registration papers' : 'facility ceased operating');
          break;
        case 'requireRemediation':
          if (f.status !== 'authorized') break;
          facilityAct(f, 'requireRemediation', date, 'corrective actions overdue', { deadline: addDays(date, 60) });
          if (!f.lingers && rnd.chance(0.6)) queue.push(addDays(date, rnd.int(30, 90)), { kind: 'facility', facility: f, action: 'clearRemediation' });
          break;
        case 'clearRemediation':
          if (f.status === 'under_remediation') facilityAct(f, 'clearRemediation', date, null);
          break;
        case 'suspend':
          if (f.status !== 'authorized' && f.status !== 'under_remediation') break;
          facilityAct(f, 'suspend', date, 'serious safeguarding concern under investigation');
          if (!f.lingers && rnd.chance(0.5)) queue.push(addDays(date, rnd.int(60, 200)), { kind: 'facility', facility: f, action: 'reinstate' });
          break;
        case 'reinstate':
          if (f.status === 'suspended' && f.mouEndsOn && f.mouEndsOn > date) facilityAct(f, 'reinstate', date, null);
          break;
        case 'beginTransition':
          if (!['authorized', 'under_remediation', 'suspended'].includes(f.status)) break;
          facilityAct(f, 'beginTransition', date, null, { targetService: 'community family support centre', targetDate: addDays(date, 180) });
          if (f.residents === 0) queue.push(addDays(date, rnd.int(1, 20)), { kind: 'facility', facility: f, action: 'completeTransition' });
          break;
        case 'completeTransition':
          if (f.status === 'transitioning' && f.residents === 0) facilityAct(f, 'completeTransition', date, null);
          break;
        case 'renewMou':
          if (['authorized', 'under_remediation', 'suspended', 'transitioning'].includes(f.status) && f.status !== 'transitioning') {
            const current = [...world.mous].reverse().find((m) => m.facilityId === f.id && m.status === 'active');
            if (current) signMou(f, date, current.id);
          }
          break;
        case 'inspect': {
          if (['transitioned', 'closed', 'rejected'].includes(f.status)) break;
          const id = rnd.uuid();
          const outcome: Outcome = rnd.weighted({ compliant: 60, compliant_with_recommendations: 28, non_compliant: 12 });
          const ratings = Object.fromEntries(CHECKLIST_AREAS.map((area) => [area, { rating: outcome === 'compliant' ? 'met' : rnd.weighted({ met: 70, partially_met: 20, not_met: 10 }) }]));
          const scheduledFor = addDays(date, -rnd.int(0, 14));
          world.inspections.push({ id, facilityId: f.id, type: 'routine', scheduledFor, conductedOn: date, ratings, outcome, inspectorId: inspectorIds[0], approverId: inspectorIds[1], createdOn: scheduledFor });
          if (outcome === 'non_compliant') {
            const dueOn = addDays(date, 60);
            const resolved = rnd.chance(0.6) && addDays(date, 45) <= today;
            world.correctiveActions.push({ id: rnd.uuid(), inspectionId: id, description: 'Separate sleeping areas by age and sex', dueOn, status: resolved ? 'resolved' : 'open', resolvedOn: resolved ? addDays(date, 45) : null, createdOn: date });
          }
          for (const [action, from, to, day] of [['create', null, 'scheduled', scheduledFor], ['submit', 'scheduled', 'submitted', date], ['approve', 'submitted', 'approved', date]] as const) {
            world.registryEvents.push({ id: rnd.uuid(), entityType: 'inspection', entityId: id, action, from, to, reason: null, payload: {}, at: stamp(day, order++) });
          }
          f.lastApprovedOn = date;
          queue.push(addDays(date, rnd.int(300, 420)), { kind: 'facility', facility: f, action: 'inspect' });
          break;
        }
        default:
          break;
      }
      continue;
    }

    if (step.kind === 'refer' || step.kind === 'rerefer') {
      const child = step.kind === 'rerefer' ? step.child : registerChild(date);
      const registrar = child.registeredByAgencyId!;
      const reasons = [...new Set([rnd.weighted({ poverty: 30, abuse_or_neglect: 18, abandonment: 10, orphaned: 8, disability: 6, trafficking: 4, domestic_violence: 8, parental_migration: 8, conflict_with_law: 2, education_access: 5, other: 1 }), ...(rnd.chance(0.5) ? [rnd.pick(REFERRAL_REASONS)] : [])])] as ReferralReason[];
      const episode: SimEpisode = {
        id: rnd.uuid(), childId: child.id, child, responsibleAgencyId: registrar, provinceCode: child.homeProvinceCode, status: 'referred', referredOn: date, reasons,
        facilityId: null, residentialSince: null, lastReviewOn: null, targetPlacementType: null, familyTracedOn: null, placementType: null, carerName: null,
        carerRelationship: null, placedOn: null, visits: 0, lastVisitOn: null, lastVisitRatedWell: null, lastEventOn: date, closedOn: null, closeReason: null,
      };
      world.episodes.push(episode);
      world.events.push({ id: rnd.uuid(), episodeId: episode.id, childId: child.id, action: 'refer', from: null, to: 'referred', occurredOn: date, order: order++, responsibleAgencyId: registrar, provinceCode: child.homeProvinceCode, facilityId: null, placementType: null, reason: null, payload: { reasons, reEntry: step.kind === 'rerefer' } });
      queue.push(addDays(date, rnd.int(2, 20)), { kind: 'episode', episode, step: 'assess' });
      continue;
    }

    const e = step.episode;
    if (e.status === 'closed') continue;
    switch (step.step) {
      case 'assess':
        if (e.status !== 'referred') break;
        if (rnd.chance(0.05)) {
          act(e, 'closeAtAssessment', date, {}, 'no protection need');
          e.closedOn = date;
          break;
        }
        act(e, 'startAssessment', date);
        queue.push(addDays(date, rnd.int(5, 30)), { kind: 'episode', episode: e, step: 'decide' });
        break;
      case 'decide':
        if (e.status === 'assessment') decide(e, date);
        break;
      case 'review':
        if (!RESIDENT_STATUSES.includes(e.status)) break;
        if (rnd.chance(0.85)) {
          world.reviews.push({ id: rnd.uuid(), episodeId: e.id, reviewedOn: date, summary: 'Care plan reviewed with the child and staff.' });
          e.lastReviewOn = date;
        }
        queue.push(addDays(date, rnd.int(80, 100)), { kind: 'episode', episode: e, step: 'review' });
        break;
      case 'leaveResidential': {
        if (e.status !== 'residential_care') break;
        const facility = facilityById.get(e.facilityId!)!;
        if (ageOn(e.child.dateOfBirth, date) >= 18) {
          act(e, 'close', date, { closeReason: 'aged_out' }, 'aged_out');
          leaveFacility(e, date);
          Object.assign(e, { closedOn: date, closeReason: 'aged_out' });
          world.events[world.events.length - 1].facilityId = null;
          break;
        }
        if (rnd.chance(0.08) && facility.status !== 'transitioning') {
          const target = findPlace(e.child.homeProvinceCode);
          if (target && target.id !== facility.id) {
            act(e, 'transfer', date, { target }, 'closer to the child’s family', { facilityId: target.id });
            facility.residents -= 1;
            target.residents += 1;
            Object.assign(e, { facilityId: target.id, provinceCode: target.provinceCode });
            world.events[world.events.length - 1].facilityId = target.id;
            world.events[world.events.length - 1].provinceCode = target.provinceCode;
            queue.push(addDays(date, rnd.int(120, 900)), { kind: 'episode', episode: e, step: 'leaveResidential' });
            break;
          }
        }
        const tracedOn = maxDate(addDays(date, -rnd.int(5, 40)), e.lastEventOn);
        const target: PlacementType = rnd.weighted({ parental_care: 50, kinship_care: 40, foster_care: 10 });
        act(e, 'startReintegration', date, { familyTracedOn: tracedOn }, null, { targetPlacementType: target, familyTracedOn: tracedOn });
        Object.assign(e, { targetPlacementType: target, familyTracedOn: tracedOn });
        queue.push(addDays(date, rnd.int(30, 150)), { kind: 'episode', episode: e, step: 'finishReintegration' });
        break;
      }
      case 'finishReintegration': {
        if (e.status !== 'reintegration') break;
        const facility = facilityById.get(e.facilityId ?? '');
        if (rnd.chance(0.2) && facility?.status !== 'transitioning') {
          act(e, 'abandonReintegration', date, {}, 'the family withdrew');
          e.targetPlacementType = null;
          queue.push(addDays(date, rnd.int(90, 700)), { kind: 'episode', episode: e, step: 'leaveResidential' });
          break;
        }
        placeInFamily(e, date, true);
        break;
      }
      case 'visit': {
        if (e.status !== 'family_based_care') break;
        if (rnd.chance(0.06)) {
          // A missed visit: done weeks late, so some cases are overdue when the simulation ends.
          queue.push(addDays(date, rnd.int(15, 60)), { kind: 'episode', episode: e, step: 'visit' });
          break;
        }
        const ratings: VisitRatings = { safety: rnd.int(2, 4), health: rnd.int(2, 4), education: rnd.int(2, 4), familyRelationships: rnd.int(2, 4), economicSituation: rnd.int(1, 4), wellbeing: rnd.int(2, 4) };
        if (rnd.chance(0.8)) for (const key of Object.keys(ratings) as (keyof VisitRatings)[]) ratings[key] = Math.max(3, ratings[key]);
        const well = ratedWell(ratings);
        world.visits.push({ id: rnd.uuid(), episodeId: e.id, visitedOn: date, visitType: rnd.weighted({ home_visit: 70, phone_call: 15, school_visit: 12, other: 3 }), childSeen: rnd.chance(0.92), ratings, ratedWell: well, note: null });
        Object.assign(e, { visits: e.visits + 1, lastVisitOn: date, lastVisitRatedWell: well });
        if (!well && rnd.chance(0.4)) {
          act(e, 'reportBreakdown', date, {}, 'the placement broke down', { breakdown: true, reEntry: true });
          Object.assign(e, { placementType: null, carerName: null, carerRelationship: null, placedOn: null, visits: 0, lastVisitOn: null, lastVisitRatedWell: null });
          world.events[world.events.length - 1].placementType = null;
          queue.push(addDays(date, rnd.int(5, 30)), { kind: 'episode', episode: e, step: 'decide' });
          break;
        }
        if (e.placementType !== 'independent_living' && e.placementType !== 'parental_care' && rnd.chance(0.04)) {
          const carerName = `${rnd.pick(FAMILY_NAMES)[0]} ${rnd.pick(GIVEN_NAMES)[0]}`;
          Object.assign(e, { carerName, placedOn: date, visits: 0, lastVisitOn: null, lastVisitRatedWell: null });
          act(e, 'changePlacement', date, {}, 'the carer could no longer care for the child', { placementType: e.placementType });
          queue.push(nextVisitDue(date, 0), { kind: 'episode', episode: e, step: 'visit' });
          break;
        }
        const sixMonths = addMonths(e.placedOn!, 6) <= date;
        if (sixMonths && e.visits >= 4 && well && rnd.chance(0.35)) {
          act(e, 'close', date, { closeReason: 'goals_met' }, 'goals_met', { closeReason: 'goals_met' });
          Object.assign(e, { closedOn: date, closeReason: 'goals_met' });
          maybeReturn(e, date);
          break;
        }
        if (ageOn(e.child.dateOfBirth, date) >= 18 && rnd.chance(0.5)) {
          act(e, 'close', date, { closeReason: 'aged_out' }, 'aged_out');
          Object.assign(e, { closedOn: date, closeReason: 'aged_out' });
          break;
        }
        queue.push(nextVisitDue(e.placedOn!, e.visits), { kind: 'episode', episode: e, step: 'visit' });
        break;
      }
    }
    // A facility in transition sends its children home: their next step comes soon.
    if (e.status === 'residential_care') {
      const facility = facilityById.get(e.facilityId ?? '');
      if (facility?.status === 'transitioning') queue.push(addDays(date, rnd.int(20, 120)), { kind: 'episode', episode: e, step: 'leaveResidential' });
    }
  }
  return world;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A recorded-at instant on a date (09:00 in Phnom Penh), kept in the order things were recorded. */
function stamp(date: string, order: number): string {
  return new Date(Date.parse(`${date}T02:00:00Z`) + (order % 36_000_000)).toISOString();
}
