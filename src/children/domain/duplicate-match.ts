/**
 * Duplicate detection for child records. Names are compared after normalisation, in each script:
 * Latin without case, accents, punctuation or spacing, and in either order (given/family names are
 * often swapped between forms); Khmer in NFC without zero-width characters or spaces, which Khmer
 * text uses irregularly, and with the subscript DA and TA treated as one. Pure: no framework imports.
 */
export interface ChildIdentity {
  givenName: string;
  familyName: string;
  givenNameKm?: string | null;
  familyNameKm?: string | null;
  dateOfBirth: string;
  homeProvinceCode: string;
}

export function normaliseLatin(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The subscript DA is often written for the subscript TA (កណ្ដាល, កណ្តាល): they compare equal. */
export function normaliseKhmer(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u17D2\u178A/g, '\u17D2\u178F');
}

/** Order-independent key of the Latin names. */
export function latinNameKey(child: Pick<ChildIdentity, 'givenName' | 'familyName'>): string {
  return [normaliseLatin(child.givenName), normaliseLatin(child.familyName)].sort().join('|');
}

export function khmerNameKey(child: Pick<ChildIdentity, 'givenNameKm' | 'familyNameKm'>): string | null {
  if (!child.givenNameKm || !child.familyNameKm) return null;
  return [normaliseKhmer(child.givenNameKm), normaliseKhmer(child.familyNameKm)].sort().join('|');
}

export function isLikelySameChild(a: ChildIdentity, b: ChildIdentity): boolean {
  if (a.dateOfBirth !== b.dateOfBirth || a.homeProvinceCode !== b.homeProvinceCode) return false;
  if (latinNameKey(a) === latinNameKey(b)) return true;
  const ka = khmerNameKey(a);
  return ka !== null && ka === khmerNameKey(b);
}
