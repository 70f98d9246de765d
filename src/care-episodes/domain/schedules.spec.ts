import { ageOn, monthsUntilVisit, nextReviewDue, nextVisitDue, ratedWell } from './schedules';

describe('care episode schedules', () => {
  it('dues a review 3 months after admission, then 3 months after each review', () => {
    expect(nextReviewDue('2026-01-15', null)).toBe('2026-04-15');
    expect(nextReviewDue('2026-01-15', '2026-03-01')).toBe('2026-06-01');
  });

  it('dues visits 1, 2 and 3 months after placement, then every 3 months', () => {
    expect([0, 1, 2, 3, 4, 5].map(monthsUntilVisit)).toEqual([1, 2, 3, 6, 9, 12]);
    expect(nextVisitDue('2026-01-31', 0)).toBe('2026-02-28');
    expect(nextVisitDue('2026-01-31', 3)).toBe('2026-07-31');
  });

  it('calls a visit rated well when no rating is below 3', () => {
    const good = { safety: 4, health: 3, education: 3, familyRelationships: 4, economicSituation: 3, wellbeing: 3 };
    expect(ratedWell(good)).toBe(true);
    expect(ratedWell({ ...good, economicSituation: 2 })).toBe(false);
  });

  it('counts whole years of age', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2024-02-29', '2027-02-28')).toBe(2);
  });
});
