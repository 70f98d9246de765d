// The API as the dashboard calls it: the token lives in this tab's session storage only.
const TOKEN_KEY = 'rcf.dashboard.token';
const API = '/api/v1';

export class SessionEnded extends Error {}

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

function url(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const text = query.toString();
  return `${API}${path}${text ? `?${text}` : ''}`;
}

async function call(path, params, accept = 'application/json') {
  const headers = { Accept: accept };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(url(path, params), { headers });
  if (response.status === 401) {
    session.token = null;
    throw new SessionEnded();
  }
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

export async function getJson(path, params) {
  return (await call(path, params)).json();
}

export async function getCsv(path, params) {
  return (await call(path, params, 'text/csv')).text();
}

export async function labels(lang) {
  const response = await fetch(url('/labels', { lang }));
  if (!response.ok) throw new Error(`labels: ${response.status}`);
  return (await response.json()).labels;
}

/** Logs in; only planners and admins may read the figures. */
export async function logIn(username, password) {
  const response = await fetch(url('/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) return false;
  const { accessToken } = await response.json();
  session.token = accessToken;
  const me = await getJson('/auth/me').catch(() => null);
  if (!me || !['planner', 'admin'].includes(me.role)) {
    session.token = null;
    return false;
  }
  return me;
}
