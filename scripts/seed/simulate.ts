import { addDays, addYears } from '../../src/common/time/calendar';
import type { FacilityType } from '../../src/facilities/domain/facility';
import { episodeStep, refer } from './episode-steps';
import { PROVINCE_WEIGHTS } from './names';
import { registerChild } from './people';
import { facilityStep } from './registry-steps';
import type { Progress } from './progress';
import { Sim } from './sim';
import { emptyWorld, stamp, type SeedSize, type SimFacility, type World } from './world';

export { SIZES, type SeedSize, type World } from './world';

const TYPE_WEIGHTS: Record<FacilityType, number> = {
  residential_care_institution: 60,
  transit_emergency_centre: 10,
  group_home: 12,
  pagoda_or_religious_centre: 10,
  boarding_school: 5,
  state_centre: 3,
};

/**
 * Simulates years of the system's life in date order and records every step. Each step goes through
 * the real transition tables, guards and effects, so the history written is one the API accepts.
 */
export function simulate(size: SeedSize, today: string, inspectorIds: string[], progress?: Progress): World {
  const sim = new Sim(size, addYears(today, -size.years), today, inspectorIds, emptyWorld());
  const allProvinces = size.provinces === 'all' ? Array.from({ length: 25 }, (_, i) => String(i + 1).padStart(2, '0')) : size.provinces;
  const provinceWeights: Record<string, number> = {};
  for (const code of allProvinces) provinceWeights[code] = PROVINCE_WEIGHTS[code] ?? (size.provinces === 'all' ? 1.25 : 5);

  for (const code of allProvinces) sim.gatekeepingPace.set(code, 0.5 + sim.rnd.next() * 1.1);
  createAgencies(sim, allProvinces);
  createFacilities(sim, provinceWeights);
  scheduleReferrals(sim);

  const usedCodes = new Set<string>();
  let steps = 0;
  while (sim.queue.size > 0) {
    const next = sim.queue.pop()!;
    const date = next.date;
    if (date > today) break;
    if (++steps % 5000 === 0) {
      progress?.tick(() => `  simulated to ${date} (${Math.floor(sim.progress(date) * 100)}%): ${sim.world.children.length.toLocaleString('en')} children, ${sim.world.events.length.toLocaleString('en')} care events`);
    }
    const step = next.value;
    if (step.kind === 'facility') facilityStep(sim, step.facility, step.action, date);
    else if (step.kind === 'refer') refer(sim, registerChild(sim, date, provinceWeights, usedCodes), date, false, step.alreadyInCare);
    else if (step.kind === 'rerefer') refer(sim, step.child, date, true);
    else episodeStep(sim, step.episode, step.step, date);
  }
  return sim.world;
}

/** One government office per province; the rest NGOs and faith-based or private operators. */
function createAgencies(sim: Sim, provinces: string[]): void {
  const { rnd, world } = sim;
  for (const code of provinces) {
    const id = rnd.uuid();
    sim.governmentOffice.set(code, id);
    world.agencies.push({ id, name: `DoSVY office, province ${code}`, type: 'government' });
  }
  for (let i = 0; i < sim.size.agencies; i++) {
    const id = rnd.uuid();
    sim.operators.push(id);
    const name = `${rnd.pick(['Hope', 'Sunrise', 'Lotus', 'Mekong', 'Angkor', 'Little Stars', 'Bridge', 'Family First'])} ${rnd.pick(['Children', 'Kids', 'Family', 'Youth'])} ${rnd.pick(['Foundation', 'Association', 'Organisation', 'Home'])} ${i + 1}`;
    world.agencies.push({ id, name, type: rnd.chance(0.15) ? 'faith_based' : rnd.chance(0.1) ? 'private' : 'ngo' });
  }
}

/** Facilities, with a few given each unusual fate so every status appears. */
function createFacilities(sim: Sim, provinceWeights: Record<string, number>): void {
  const { rnd, world, size, start } = sim;
  const fates: SimFacility['fate'][] = ['identified', 'pending', 'rejected', 'closed_early', 'remediation', 'suspension', 'transition', 'transition'];
  for (let i = 0; i < size.facilities; i++) {
    const provinceCode = rnd.weighted(provinceWeights);
    // Most facilities were operating before the system started: they are registered in its first weeks.
    const createdOn = addDays(start, i < size.facilities * 0.92 ? rnd.int(0, 20) : rnd.int(200, size.years * 300));
    const fate =
      i < fates.length
        ? fates[i]
        : rnd.chance(0.3) ? 'transition' : rnd.chance(0.04) ? 'suspension' : rnd.chance(0.05) ? 'remediation' : rnd.chance(0.03) ? rnd.pick(['identified', 'pending', 'rejected', 'closed_early'] as const) : 'normal';
    const facility: SimFacility = {
      id: rnd.uuid(),
      registryCode: `RCF-${provinceCode}-${String(i + 1).padStart(5, '0')}`,
      name: `${rnd.pick(['Hope', 'Sunrise', 'Lotus', 'Golden', 'Peace', 'Light', 'Kindness', 'Blessing'])} ${rnd.pick(['Children’s Home', 'Orphanage', 'Centre', 'House'])} ${i + 1}`,
      nameKm: `មណ្ឌលកុមារ ${i + 1}`,
      type: rnd.weighted(TYPE_WEIGHTS),
      operatorAgencyId: rnd.pick(sim.operators),
      provinceCode,
      capacity: rnd.int(15, 120),
      createdOn,
      status: 'identified',
      remediationDeadline: null,
      transitionTargetService: null,
      transitionTargetDate: null,
      residents: 0,
      mouEndsOn: null,
      lastApprovedOn: null,
      fate,
      lingers: i < fates.length,
    };
    world.facilities.push(facility);
    sim.facilityById.set(facility.id, facility);
    sim.byProvince.set(provinceCode, [...(sim.byProvince.get(provinceCode) ?? []), facility]);
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'facility', entityId: facility.id, action: 'create', from: null, to: 'identified', reason: null, payload: {}, at: stamp(createdOn, sim.next()) });
    if (fate !== 'identified') sim.at(addDays(createdOn, createdOn <= addDays(start, 30) ? rnd.int(2, 10) : rnd.int(10, 60)), { kind: 'facility', facility, action: 'submitApplication' });
  }
}

/**
 * The children already in residential care when the system starts are registered in its first three
 * months; after that referrals come a little more often each year (density rising by 80%) as the
 * system reaches more families, while fewer of them are admitted (episode-steps.ts).
 */
function scheduleReferrals(sim: Sim): void {
  const { rnd, size, start } = sim;
  const rising = 0.8;
  const later = size.children - size.residentialAtStart;
  const referralDates = Array.from({ length: later }, () => {
    // Inverse of the cumulative density 1 + rising × t on [0, 1].
    const c = rnd.next() * (1 + rising / 2);
    const yearFraction = (Math.sqrt(1 + 2 * rising * c) - 1) / rising;
    return addDays(start, 30 + Math.floor(yearFraction * (size.years * 365 - 31)));
  }).sort();
  for (let i = 0; i < size.residentialAtStart; i++) sim.at(addDays(start, rnd.int(60, 150)), { kind: 'refer', index: i, alreadyInCare: true });
  referralDates.forEach((date, index) => sim.at(date, { kind: 'refer', index: size.residentialAtStart + index, alreadyInCare: false }));
}
