import type { CreateAgencyRequest } from '../../src/agencies/dto/agency.dto';
import type { CreateEpisodeRequest, AdmitRequest } from '../../src/care-episodes/dto/episode-requests.dto';
import type { CreateVisitRequest } from '../../src/care-episodes/follow-up-visits/visit.dto';
import type { CreateChildRequest } from '../../src/children/dto/child.dto';
import type { CreateFacilityRequest } from '../../src/facilities/dto/facility.dto';
import { CHECKLIST_AREAS, type Ratings } from '../../src/inspections/domain/checklist';
import type { ActivateMouRequest } from '../../src/mous/dto/mou.dto';
import type { ApiClient } from './test-app';

/** A body the API should refuse: a builder's typed overrides, with some fields deliberately wrong. */
export type Invalid<T> = { [K in keyof T]?: unknown };

let sequence = 0;
const next = () => ++sequence;

export function anAgency(overrides: Partial<CreateAgencyRequest> = {}): CreateAgencyRequest {
  return { name: `Agency ${next()}`, type: 'ngo', ...overrides };
}

/** Creates an agency through the API and answers its id. */
export async function createAgency(admin: ApiClient, overrides: Partial<CreateAgencyRequest> = {}): Promise<string> {
  const response = await admin.post('/agencies', anAgency(overrides));
  if (response.status !== 201) throw new Error(`creating an agency failed: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

export function aFacility(operatorAgencyId: string, overrides: Partial<CreateFacilityRequest> = {}): CreateFacilityRequest {
  const n = next();
  return {
    name: `Children's Home ${n}`,
    nameKm: `មណ្ឌលកុមារ ${khmerNumber(n)}`,
    type: 'residential_care_institution',
    operatorAgencyId,
    provinceCode: '02',
    // A district of the gazetteer in the default province only.
    ...(overrides.provinceCode && overrides.provinceCode !== '02' ? {} : { district: 'Battambang' }),
    capacity: 40,
    ...overrides,
  };
}

export async function createFacility(client: ApiClient, operatorAgencyId: string, overrides: Partial<CreateFacilityRequest> = {}) {
  const response = await client.post('/facilities', aFacility(operatorAgencyId, overrides));
  if (response.status !== 201) throw new Error(`creating a facility failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; registryCode: string; status: string; version: number };
}

/** Dates relative to today in Phnom Penh, as the API counts them. */
export function daysFromToday(days: number): string {
  const now = new Date(Date.now() + 7 * 3600_000);
  now.setUTCDate(now.getUTCDate() + days);
  return now.toISOString().slice(0, 10);
}

/** An MoU in force for the facility (signed a month ago, three years long). */
export async function activeMou(client: ApiClient, facilityId: string, overrides: Partial<ActivateMouRequest> = {}) {
  const draft = await client.post('/mous', { facilityId, referenceNumber: `MOU-${next()}` });
  if (draft.status !== 201) throw new Error(`drafting an MoU failed: ${JSON.stringify(draft.body)}`);
  const body: ActivateMouRequest = { signedOn: daysFromToday(-30), startsOn: daysFromToday(-30), ...overrides };
  const activated = await client.post(`/mous/${draft.body.id}/activate`, body);
  if (activated.status !== 200) throw new Error(`activating an MoU failed: ${JSON.stringify(activated.body)}`);
  return activated.body as { id: string; status: string };
}

/** A facility taken through registration to `authorized`, with an MoU in force. */
export async function authorizedFacility(client: ApiClient, operatorAgencyId: string, overrides: Partial<CreateFacilityRequest> = {}) {
  const facility = await createFacility(client, operatorAgencyId, overrides);
  await client.post(`/facilities/${facility.id}/submitApplication`, {});
  await activeMou(client, facility.id);
  const authorized = await client.post(`/facilities/${facility.id}/authorize`, {});
  if (authorized.status !== 200) throw new Error(`authorizing failed: ${JSON.stringify(authorized.body)}`);
  return authorized.body as { id: string; status: string; provinceCode: string };
}

export const CHECKLIST = CHECKLIST_AREAS;

export function allAreasRated(rating: NonNullable<Ratings[keyof Ratings]>['rating'] = 'met', overrides: Ratings = {}): Ratings {
  return { ...Object.fromEntries(CHECKLIST.map((area) => [area, { rating }])), ...overrides };
}

const GIVEN = ['Sophea', 'Dara', 'Srey Neang', 'Vanna', 'Kosal', 'Chantha', 'Bopha', 'Rithy'];
const FAMILY = ['Chan', 'Sok', 'Kim', 'Heng', 'Meas', 'Chea', 'Ouk', 'Touch'];

// Names are compared without digits, so uniqueness comes from letters.
const latinLetters = (n: number): string => (n < 26 ? '' : latinLetters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
const khmerNumber = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x17e0 + Number(d)));

/** A child's registration body; each call a different child unless names and birth date are given. */
export function aChild(overrides: Partial<CreateChildRequest> = {}): CreateChildRequest {
  const n = next();
  return {
    givenName: `${GIVEN[n % GIVEN.length]} ${latinLetters(n)}`,
    familyName: FAMILY[n % FAMILY.length],
    givenNameKm: `សុភា${khmerNumber(n)}`,
    familyNameKm: 'ចាន់',
    sex: n % 2 ? 'female' : 'male',
    dateOfBirth: '2016-03-14',
    disability: false,
    parentalStatus: 'one_parent_living',
    homeProvinceCode: '02',
    ...overrides,
  };
}

export async function createChild(client: ApiClient, overrides: Partial<CreateChildRequest> = {}): Promise<string> {
  const response = await client.post('/children', aChild(overrides));
  if (response.status !== 201) throw new Error(`registering a child failed: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Opens a referral for a new child; answers the episode. */
export async function referral(
  client: ApiClient,
  responsibleAgencyId: string,
  overrides: { child?: Partial<CreateChildRequest>; episode?: Partial<CreateEpisodeRequest> } = {},
) {
  const childId = await createChild(client, overrides.child);
  const body: CreateEpisodeRequest = {
    childId,
    responsibleAgencyId,
    provinceCode: '02',
    referredOn: daysFromToday(-30),
    reasons: ['abuse_or_neglect', 'poverty'],
    ...overrides.episode,
  };
  const response = await client.post('/care-episodes', body);
  if (response.status !== 201) throw new Error(`referral failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; childId: string; status: string };
}

export function admission(facilityId: string, overrides: Partial<AdmitRequest> = {}): AdmitRequest {
  return {
    facilityId,
    justification: 'Severe abuse at home; no safe family option found in time.',
    alternativesConsidered: [
      { option: 'parental_care', whyNotSuitable: 'the abuser lives in the home' },
      { option: 'kinship_care', whyNotSuitable: 'no relative could be traced yet' },
      { option: 'foster_care', whyNotSuitable: 'no approved foster family in the province' },
    ],
    ...overrides,
  };
}

export function goodVisit(visitedOn: string, overrides: Partial<CreateVisitRequest> = {}): CreateVisitRequest {
  return {
    visitedOn,
    visitType: 'home_visit',
    childSeen: true,
    ratings: { safety: 4, health: 3, education: 3, familyRelationships: 4, economicSituation: 3, wellbeing: 4 },
    ...overrides,
  };
}
