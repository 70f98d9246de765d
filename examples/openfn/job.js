// The job an NGO's case system runs every hour (OpenFn, with @openfn/language-http), written as the
// OpenFn compiler would emit it: an ES module whose default export is the list of operations.
//
// In:  state.cursor  - the feed cursor the last run stored (none on the first run)
//      state.visits  - follow-up visits recorded in the NGO's own system since then, each with the
//                      case's id in that system (`externalId`) and the visit itself
// Out: state.cursor  - where the next run resumes
//      state.cases   - each case that changed: its id, external id, status and when a visit is next due
//      state.reported - the visits posted, with the id the registry gave each
import { fn, get, post } from '@openfn/language-http';

const API = '/api/v1';

export default [
  // 1. A token for the NGO's API client: its id and secret are the configuration's username and
  //    password, which the adaptor sends as HTTP Basic, as the client-credentials grant allows.
  post(`${API}/auth/token`, { grant_type: 'client_credentials' }),
  fn((state) => {
    state.configuration.access_token = state.data.access_token;
    state.cases = [];
    state.reported = [];
    return state;
  }),

  // 2. Every change since the stored cursor, a page at a time, until a page comes back empty.
  fn(async (state) => {
    let cursor = state.cursor;
    const changed = new Set();
    for (;;) {
      const page = await get(`${API}/changes`, { query: { limit: 500, types: 'care_episode', ...(cursor ? { after: cursor } : {}) } })(state);
      for (const item of page.data.items) changed.add(item.entityId);
      cursor = page.data.nextCursor;
      if (page.data.items.length === 0) break;
    }
    state.cursor = cursor;
    state.changedCases = [...changed];
    return state;
  }),

  // 3. What changed, fetched: the case as the registry has it now.
  fn(async (state) => {
    for (const id of state.changedCases) {
      const { data: episode } = await get(`${API}/care-episodes/${id}`)(state);
      state.cases.push({ id: episode.id, externalId: episode.externalId, status: episode.status, nextVisitDue: episode.nextVisitDue });
    }
    delete state.changedCases;
    return state;
  }),

  // 4. Each visit the NGO recorded, posted to its case, found by the NGO's own id.
  fn(async (state) => {
    for (const { externalId, visit } of state.visits ?? []) {
      const { data: found } = await get(`${API}/care-episodes`, { query: { externalId } })(state);
      const episode = found.items[0];
      if (!episode) throw new Error(`no case in the registry has the external id ${externalId}`);
      const { data: recorded } = await post(`${API}/care-episodes/${episode.id}/follow-up-visits`, visit, {
        headers: { 'Idempotency-Key': `visit-${externalId}-${visit.visitedOn}` },
      })(state);
      state.reported.push({ externalId, episodeId: episode.id, visitId: recorded.id });
    }
    delete state.visits;
    return state;
  }),

  // What the next run needs, and nothing it must not keep: the token goes with the configuration.
  fn((state) => ({ cursor: state.cursor, cases: state.cases, reported: state.reported })),
];
