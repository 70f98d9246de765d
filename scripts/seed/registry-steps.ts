import { runStep } from '../../src/common/state-machine/steps';
import { applyCreation } from '../../src/common/state-machine/transition-table';
import { addDays } from '../../src/common/time/calendar';
import type { FacilityBodies } from '../../src/facilities/domain/facility.bodies';
import { facilityEffects } from '../../src/facilities/domain/facility.effects';
import { facilityTransitions, type FacilityAction } from '../../src/facilities/domain/facility.transitions';
import { CHECKLIST_AREAS, type Outcome, type Ratings } from '../../src/inspections/domain/checklist';
import { inspectionEffects } from '../../src/inspections/domain/inspection.effects';
import { inspectionTransitions, type InspectionFacts } from '../../src/inspections/domain/inspection.transitions';
import { mouEffects } from '../../src/mous/domain/mou.effects';
import { mouTransitions, type MouFacts } from '../../src/mous/domain/mou.transitions';
import type { Sim } from './sim';
import { maxDate, stamp, type SimFacility } from './world';

/** One facility action, through the registry's own table and effects, recorded as the API records it. */
export function facilityAct<A extends FacilityAction>(sim: Sim, facility: SimFacility, action: A, date: string, body: FacilityBodies[A]): void {
  const facts = { hasActiveMou: !!facility.mouEndsOn && facility.mouEndsOn > date, residentCount: facility.residents, today: date };
  const step = runStep(facilityTransitions, facilityEffects[action], { action, record: facility, body, role: 'inspector', facts });
  Object.assign(facility, step.changes, { status: step.to });
  sim.world.registryEvents.push({
    id: sim.rnd.uuid(), entityType: 'facility', entityId: facility.id, action, from: step.from, to: step.to, reason: step.reason ?? null, payload: step.payload, at: stamp(date, sim.next()),
  });
}

/** Drafts and activates an MoU (superseding the one it renews), through the MoU table. */
function signMou(sim: Sim, facility: SimFacility, date: string, renewalOfId: string | null): void {
  const { world, rnd } = sim;
  const id = rnd.uuid();
  const facts: MouFacts = { today: date, isRenewal: renewalOfId !== null, otherActiveMou: false, facilityClosed: false, hasPendingRenewal: false };
  applyCreation(mouTransitions, { action: 'draft', role: 'inspector', facts });
  const draft = { status: 'draft' as const, signedOn: null, startsOn: null, endsOn: null, terminationReason: null, terminatedOn: null };
  const activated = runStep(mouTransitions, mouEffects.activate, { action: 'activate', record: draft, body: { signedOn: date, startsOn: date }, role: 'inspector', facts });
  const endsOn = activated.changes.endsOn!;
  world.mous.push({ id, facilityId: facility.id, referenceNumber: `MoSVY-${date.slice(0, 4)}-${world.mous.length + 1}`, status: 'active', signedOn: date, startsOn: date, endsOn, renewalOfId, createdOn: date });
  world.registryEvents.push({ id: rnd.uuid(), entityType: 'mou', entityId: id, action: 'create', from: null, to: 'draft', reason: null, payload: {}, at: stamp(date, sim.next()) });
  world.registryEvents.push({ id: rnd.uuid(), entityType: 'mou', entityId: id, action: 'activate', from: 'draft', to: activated.to, reason: null, payload: activated.payload, at: stamp(date, sim.next()) });
  if (renewalOfId) {
    const old = world.mous.find((m) => m.id === renewalOfId)!;
    const record = { ...draft, status: 'active' as const };
    const superseded = runStep(mouTransitions, mouEffects.supersede, { action: 'supersede', record, body: { supersededById: id }, role: 'system', facts });
    old.status = superseded.to;
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'mou', entityId: old.id, action: 'supersede', from: 'active', to: superseded.to, reason: null, payload: superseded.payload, at: stamp(date, sim.next()) });
  }
  facility.mouEndsOn = endsOn;
  sim.at(addDays(endsOn, -rnd.int(5, 40)), { kind: 'facility', facility, action: 'renewMou' });
}

/** An inspection scheduled, submitted and approved by two inspectors, through the inspection table. */
function inspect(sim: Sim, f: SimFacility, date: string): void {
  const { world, rnd } = sim;
  const id = rnd.uuid();
  const outcome: Outcome = rnd.weighted({ compliant: 60, compliant_with_recommendations: 28, non_compliant: 12 });
  const ratings = Object.fromEntries(CHECKLIST_AREAS.map((area) => [area, { rating: outcome === 'compliant' ? 'met' : rnd.weighted({ met: 70, partially_met: 20, not_met: 10 }) }])) as Ratings;
  const scheduledFor = addDays(date, -rnd.int(0, 14));
  const correctiveActions = outcome === 'non_compliant' ? [{ description: 'Separate sleeping areas by age and sex', dueOn: addDays(date, 60) }] : [];
  const submittedAt = new Date(`${date}T05:00:00Z`);
  const approvedAt = new Date(`${date}T09:00:00Z`);
  const facts = (actorId: string, now: Date, submittedById: string | null): InspectionFacts => ({ today: date, now, actorId, submittedById, facilityClosed: false });
  applyCreation(inspectionTransitions, { action: 'schedule', role: 'inspector', facts: facts(sim.inspectorIds[0], submittedAt, null) });
  const scheduled = { status: 'scheduled' as const, conductedOn: null, ratings: null, outcome: null, summary: null, submittedById: null, submittedAt: null, approvedById: null, approvedAt: null };
  const submitted = runStep(inspectionTransitions, inspectionEffects.submit, {
    action: 'submit', record: scheduled, body: { conductedOn: date, ratings, outcome, correctiveActions }, role: 'inspector', facts: facts(sim.inspectorIds[0], submittedAt, null),
  });
  const afterSubmit = { ...scheduled, ...submitted.changes, status: submitted.to };
  const approved = runStep(inspectionTransitions, inspectionEffects.approve, {
    action: 'approve', record: afterSubmit, body: {}, role: 'inspector', facts: facts(sim.inspectorIds[1], approvedAt, sim.inspectorIds[0]),
  });
  world.inspections.push({ id, facilityId: f.id, type: 'routine', scheduledFor, conductedOn: date, ratings, outcome, createdOn: scheduledFor, submittedAt, approvedAt });
  for (const action of submitted.correctiveActions ?? []) {
    const resolved = rnd.chance(0.6) && addDays(date, 45) <= sim.today;
    world.correctiveActions.push({ id: rnd.uuid(), inspectionId: id, ...action, status: resolved ? 'resolved' : 'open', resolvedOn: resolved ? addDays(date, 45) : null, createdOn: date });
  }
  for (const [action, from, to, day, payload] of [
    ['create', null, 'scheduled', scheduledFor, {}],
    ['submit', 'scheduled', submitted.to, date, submitted.payload],
    ['approve', 'submitted', approved.to, date, approved.payload],
  ] as const) {
    world.registryEvents.push({ id: rnd.uuid(), entityType: 'inspection', entityId: id, action, from, to, reason: null, payload, at: stamp(day, sim.next()) });
  }
  f.lastApprovedOn = approved.facilityInspectedOn ?? date;
  sim.at(addDays(date, rnd.int(300, 420)), { kind: 'facility', facility: f, action: 'inspect' });
}

/** The registry's side of the simulation: each facility's life, its MoUs and its inspections. */
export function facilityStep(sim: Sim, f: SimFacility, action: FacilityAction | 'renewMou' | 'inspect', date: string): void {
  const { rnd, size, today } = sim;
  const later = (from: number, to: number) => sim.at(addDays(date, rnd.int(from, to)), { kind: 'facility', facility: f, action: 'completeTransition' });
  switch (action) {
    case 'submitApplication':
      facilityAct(sim, f, 'submitApplication', date, {});
      if (f.fate === 'pending') break;
      // Facilities already operating when the system started are authorized in its first weeks.
      const quick = f.createdOn <= addDays(sim.start, 30);
      sim.at(addDays(date, quick ? rnd.int(5, 25) : rnd.int(20, 90)), { kind: 'facility', facility: f, action: f.fate === 'rejected' ? 'reject' : f.fate === 'closed_early' ? 'close' : 'authorize' });
      break;
    case 'authorize': {
      signMou(sim, f, date, null);
      facilityAct(sim, f, 'authorize', date, {});
      sim.at(addDays(date, rnd.int(30, 200)), { kind: 'facility', facility: f, action: 'inspect' });
      const when = f.lingers ? maxDate(addDays(today, -rnd.int(20, 60)), addDays(date, 30)) : addDays(date, rnd.int(400, Math.max(500, size.years * 300)));
      if (f.fate === 'remediation') sim.at(when, { kind: 'facility', facility: f, action: 'requireRemediation' });
      if (f.fate === 'suspension') sim.at(when, { kind: 'facility', facility: f, action: 'suspend' });
      if (f.fate === 'transition') {
        const start = maxDate(addDays(today, f.lingers && f.id === sim.world.facilities[6]?.id ? -rnd.int(5, 15) : -rnd.int(30, Math.min(1800, size.years * 300))), addDays(date, 60));
        sim.at(start, { kind: 'facility', facility: f, action: 'beginTransition' });
      }
      break;
    }
    case 'reject':
      facilityAct(sim, f, 'reject', date, { reason: 'operator could not show registration papers' });
      break;
    case 'close':
      facilityAct(sim, f, 'close', date, { reason: 'facility ceased operating' });
      break;
    case 'requireRemediation':
      if (f.status !== 'authorized') break;
      facilityAct(sim, f, 'requireRemediation', date, { reason: 'corrective actions overdue', deadline: addDays(date, 60) });
      if (!f.lingers && rnd.chance(0.6)) sim.at(addDays(date, rnd.int(30, 90)), { kind: 'facility', facility: f, action: 'clearRemediation' });
      break;
    case 'clearRemediation':
      if (f.status === 'under_remediation') facilityAct(sim, f, 'clearRemediation', date, {});
      break;
    case 'suspend':
      if (f.status !== 'authorized' && f.status !== 'under_remediation') break;
      facilityAct(sim, f, 'suspend', date, { reason: 'serious safeguarding concern under investigation' });
      if (!f.lingers && rnd.chance(0.5)) sim.at(addDays(date, rnd.int(60, 200)), { kind: 'facility', facility: f, action: 'reinstate' });
      break;
    case 'reinstate':
      if (f.status === 'suspended' && f.mouEndsOn && f.mouEndsOn > date) facilityAct(sim, f, 'reinstate', date, {});
      break;
    case 'beginTransition':
      if (!['authorized', 'under_remediation', 'suspended'].includes(f.status)) break;
      facilityAct(sim, f, 'beginTransition', date, { targetService: 'community family support centre', targetDate: addDays(date, 180) });
      if (f.residents === 0) later(1, 20);
      break;
    case 'completeTransition':
      if (f.status === 'transitioning' && f.residents === 0) facilityAct(sim, f, 'completeTransition', date, {});
      break;
    case 'renewMou':
      if (['authorized', 'under_remediation', 'suspended'].includes(f.status)) {
        const current = [...sim.world.mous].reverse().find((m) => m.facilityId === f.id && m.status === 'active');
        if (current) signMou(sim, f, date, current.id);
      }
      break;
    case 'inspect':
      if (!['transitioned', 'closed', 'rejected'].includes(f.status)) inspect(sim, f, date);
      break;
  }
}
