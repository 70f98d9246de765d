import { addDays } from '../../src/common/time/calendar';
import { FAMILY_NAMES, GIVEN_NAMES } from './names';
import type { Sim } from './sim';
import type { SimChild } from './world';

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Registers a new child, born some years before the date of its first referral. */
export function registerChild(sim: Sim, date: string, provinceWeights: Record<string, number>, usedCodes: Set<string>): SimChild {
  const { rnd } = sim;
  const homeProvinceCode = rnd.weighted(provinceWeights);
  const [given, givenKm, sexHint] = rnd.pick(GIVEN_NAMES);
  const [family, familyKm] = rnd.pick(FAMILY_NAMES);
  const age = rnd.weighted({ '0': 3, '1': 4, '3': 8, '6': 30, '12': 30, '15': 25 });
  let systemCode: string;
  do systemCode = `CH-${Array.from({ length: 10 }, () => CODE_ALPHABET[rnd.int(0, 31)]).join('')}`;
  while (usedCodes.has(systemCode));
  usedCodes.add(systemCode);
  const child: SimChild = {
    id: rnd.uuid(),
    systemCode,
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
    registeredByAgencyId: rnd.chance(0.6) ? rnd.pick(sim.operators) : sim.governmentOffice.get(homeProvinceCode)!,
    recordKey: rnd.int(0, 255),
  };
  sim.world.children.push(child);
  return child;
}
