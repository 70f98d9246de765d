// Calls the types must refuse: a step that does not exist, and a visit without its required fields.
import createClient from 'openapi-fetch';
import type { paths } from './api';

export async function wrong(): Promise<void> {
  const api = createClient<paths>({ baseUrl: 'http://localhost:3000' });
  await api.POST('/api/v1/care-episodes/{id}/teleport', { params: { path: { id: 'x' } } });
  await api.POST('/api/v1/care-episodes/{id}/follow-up-visits', { params: { path: { id: 'x' } }, body: { visitType: 'home_visit' } });
}
