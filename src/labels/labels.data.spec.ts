import { AGENCY_TYPES } from '../agencies/agency.entity';
import { CLOSE_REASONS, EPISODE_STATUSES, PLACEMENT_TYPES, REFERRAL_REASONS, VISIT_RATING_AREAS, VISIT_TYPES } from '../care-episodes/domain/care-episode';
import { HANDOVER_STATUSES } from '../care-episodes/domain/handover.transitions';
import { ROLES } from '../common/auth/roles';
import { CORRECTIVE_ACTION_STATUSES } from '../corrective-actions/domain/corrective-action.transitions';
import { CHECKLIST_AREAS, INSPECTION_STATUSES, INSPECTION_TYPES, OUTCOMES, RATINGS } from '../inspections/domain/checklist';
import { MOU_STATUSES } from '../mous/domain/mou';
import { PLACE_LEVELS } from '../places/places.service';
import { WORK_KINDS } from '../worklist/domain/worklist-kinds';
import { PARENTAL_STATUSES, SEXES } from '../children/domain/child';
import { FACILITY_STATUSES, FACILITY_TYPES } from '../facilities/domain/facility';
import { AGE_BANDS, CHILD_DIMENSIONS, FACILITY_COUNTS, FLOW_COUNTS, NOT_IN_A_FACILITY } from '../figures/domain/dimensions';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { careEpisodeTransitions } from '../care-episodes/domain/care-episode.transitions';
import { handoverTransitions } from '../care-episodes/domain/handover.transitions';
import { guardCodes } from '../common/state-machine/transition-table';
import { correctiveActionTransitions } from '../corrective-actions/domain/corrective-action.transitions';
import { facilityTransitions } from '../facilities/domain/facility.transitions';
import { inspectionTransitions } from '../inspections/domain/inspection.transitions';
import { mouTransitions } from '../mous/domain/mou.transitions';
import { LABELS, labelsIn } from './labels.data';

const TABLES = [careEpisodeTransitions, handoverTransitions, facilityTransitions, mouTransitions, inspectionTransitions, correctiveActionTransitions] as Record<string, unknown>[];

/** Every problem code the source can answer: the coded errors, and the codes the filter and its helpers name. */
function problemCodesInSource(): string[] {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [path.join(dir, f)] : []));
  const codes = new Set<string>();
  for (const file of files(path.join(__dirname, '..'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:readonly code = |new Conflict\(|problem(?:Details)?\(\d+, |^\s+\d{3}: )'([A-Z_]+)'/gm)) codes.add(m[1]);
  }
  return [...codes].sort();
}

describe('labels', () => {
  const en = labelsIn('en');
  const km = labelsIn('km');

  it.each([
    ['careSetting', ['residential_care', ...PLACEMENT_TYPES]],
    ['placementType', PLACEMENT_TYPES],
    ['facilityType', [...FACILITY_TYPES, NOT_IN_A_FACILITY]],
    ['facilityStatus', FACILITY_STATUSES],
    ['episodeStatus', EPISODE_STATUSES],
    ['closeReason', [...CLOSE_REASONS, 'at_assessment']],
    ['sex', SEXES],
    ['ageBand', AGE_BANDS],
    ['parentalStatus', PARENTAL_STATUSES],
    ['dimension', CHILD_DIMENSIONS],
    ['flow', FLOW_COUNTS],
    ['facilityCount', FACILITY_COUNTS],
    ['referralReason', REFERRAL_REASONS],
    ['visitType', VISIT_TYPES],
    ['visitRatingArea', VISIT_RATING_AREAS],
    ['checklistArea', CHECKLIST_AREAS],
    ['rating', RATINGS],
    ['outcome', OUTCOMES],
    ['inspectionType', INSPECTION_TYPES],
    ['inspectionStatus', INSPECTION_STATUSES],
    ['mouStatus', MOU_STATUSES],
    ['correctiveActionStatus', CORRECTIVE_ACTION_STATUSES],
    ['handoverStatus', HANDOVER_STATUSES],
    ['agencyType', AGENCY_TYPES],
    ['role', ROLES],
    ['workKind', WORK_KINDS],
    ['placeLevel', PLACE_LEVELS],
  ] as const)('names every value of %s in both languages', (namespace, values) => {
    for (const value of values) {
      expect(en[`${namespace}.${value}`]).toBeTruthy();
      expect(km[`${namespace}.${value}`]).toMatch(/[\u1780-\u17ff]/);
    }
  });

  it('names every step and every guard of every lifecycle, in both languages', () => {
    for (const table of TABLES) {
      for (const action of Object.keys(table)) {
        expect([action, en[`action.${action}`]]).toEqual([action, expect.any(String)]);
        expect(km[`action.${action}`]).toMatch(/[\u1780-\u17ff]/);
        for (const code of guardCodes(table as never, action as never)) {
          expect([code, en[`guard.${code}`]]).toEqual([code, expect.any(String)]);
          expect(km[`guard.${code}`]).toMatch(/[\u1780-\u17ff]/);
        }
      }
    }
  });

  it('titles every problem code the API can answer, in both languages', () => {
    const codes = problemCodesInSource();
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) {
      expect([code, en[`problem.${code}`]]).toEqual([code, expect.any(String)]);
      expect(km[`problem.${code}`]).toMatch(/[\u1780-\u17ff]/);
    }
  });

  it('has the same keys in English and Khmer, and Khmer text for every word', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort());
    const symbols = new Set(['unit.percent']);
    for (const [key, text] of Object.entries(km)) if (!symbols.has(key)) expect([key, /[\u1780-\u17ff]/.test(text)]).toEqual([key, true]);
    expect(Object.keys(LABELS)).toContain('dashboard');
  });
});
