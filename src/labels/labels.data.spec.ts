import { CLOSE_REASONS, EPISODE_STATUSES, PLACEMENT_TYPES } from '../care-episodes/domain/care-episode';
import { PARENTAL_STATUSES, SEXES } from '../children/domain/child';
import { FACILITY_STATUSES, FACILITY_TYPES } from '../facilities/domain/facility';
import { AGE_BANDS, CHILD_DIMENSIONS, FACILITY_COUNTS, FLOW_COUNTS, NOT_IN_A_FACILITY } from '../figures/domain/dimensions';
import { LABELS, labelsIn } from './labels.data';

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
  ] as const)('names every value of %s in both languages', (namespace, values) => {
    for (const value of values) {
      expect(en[`${namespace}.${value}`]).toBeTruthy();
      expect(km[`${namespace}.${value}`]).toMatch(/[\u1780-\u17ff]/);
    }
  });

  it('has the same keys in English and Khmer, and Khmer text for every word', () => {
    expect(Object.keys(km).sort()).toEqual(Object.keys(en).sort());
    const symbols = new Set(['unit.percent']);
    for (const [key, text] of Object.entries(km)) if (!symbols.has(key)) expect([key, /[\u1780-\u17ff]/.test(text)]).toEqual([key, true]);
    expect(Object.keys(LABELS)).toContain('dashboard');
  });
});
