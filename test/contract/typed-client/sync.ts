// A small client of the API, typed by the types openapi-typescript generates from docs/openapi.json
// (./api.d.ts, written by the test): what an NGO's developer would write to sync and report a visit.
import createClient from 'openapi-fetch';
import type { components, paths } from './api';

type Change = components['schemas']['ChangeItem'];

export async function syncOnce(baseUrl: string, clientId: string, clientSecret: string, cursor: string | undefined): Promise<string> {
  const api = createClient<paths>({ baseUrl });
  const token = await api.POST('/api/v1/auth/token', { body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
  if (!token.data) throw new Error(`no token: ${token.error.code} ${token.error.detail}`);
  const headers = { Authorization: `Bearer ${token.data.accessToken}` };

  const page = await api.GET('/api/v1/changes', { params: { query: { after: cursor, limit: 500, types: ['care_episode'] } }, headers });
  if (!page.data) throw new Error(page.error.code);
  const episodes: Change[] = page.data.items.filter((item) => item.entityType === 'care_episode');
  for (const change of episodes) {
    const episode = await api.GET('/api/v1/care-episodes/{id}', { params: { path: { id: change.entityId } }, headers });
    if (episode.data?.status !== 'family_based_care') continue;
    const visit = await api.POST('/api/v1/care-episodes/{id}/follow-up-visits', {
      params: { path: { id: change.entityId } },
      headers,
      body: { visitedOn: '2026-11-30', visitType: 'home_visit', childSeen: true, ratings: { safety: 4, health: 3, education: 3, familyRelationships: 4, economicSituation: 3, wellbeing: 4 } },
    });
    if (visit.error) throw new Error(`${visit.error.code}: ${visit.error.errors?.map((e) => e.field).join(', ')}`);
  }
  return page.data.nextCursor;
}
