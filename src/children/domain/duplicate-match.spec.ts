import { isLikelySameChild, khmerNameKey, latinNameKey } from './duplicate-match';

const sreyNeang = {
  givenName: 'Srey Neang',
  familyName: 'Chan',
  givenNameKm: 'ស្រីនាង',
  familyNameKm: 'ចាន់',
  dateOfBirth: '2015-04-12',
  homeProvinceCode: '02',
};

describe('duplicate child detection', () => {
  it('matches Latin names regardless of case, spacing, accents and order', () => {
    expect(isLikelySameChild(sreyNeang, { ...sreyNeang, givenName: 'SREYNEANG', familyName: 'chan', givenNameKm: null, familyNameKm: null })).toBe(true);
    expect(isLikelySameChild(sreyNeang, { ...sreyNeang, givenName: 'Chan', familyName: 'Srey-Neang' })).toBe(true);
    expect(latinNameKey({ givenName: 'Sốphea', familyName: 'Kim' })).toBe(latinNameKey({ givenName: 'sophea', familyName: 'KIM' }));
  });

  it('matches Khmer names despite zero-width spaces, even when the Latin spelling differs', () => {
    const other = { ...sreyNeang, givenName: 'Sreyneang', familyName: 'Chann', givenNameKm: 'ស្រី\u200Bនាង', familyNameKm: 'ចាន់ ' };
    expect(khmerNameKey(other)).toBe(khmerNameKey(sreyNeang));
    expect(isLikelySameChild(sreyNeang, other)).toBe(true);
  });

  it('does not match another date of birth or another province', () => {
    expect(isLikelySameChild(sreyNeang, { ...sreyNeang, dateOfBirth: '2015-04-13' })).toBe(false);
    expect(isLikelySameChild(sreyNeang, { ...sreyNeang, homeProvinceCode: '17' })).toBe(false);
  });

  it('does not match different names', () => {
    expect(isLikelySameChild(sreyNeang, { ...sreyNeang, givenName: 'Dara', givenNameKm: 'តារា' })).toBe(false);
  });
});
