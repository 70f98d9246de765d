// The planners' dashboard: log in, choose a baseline and a province, read every section in Khmer or English.
import { getJson, labels, logIn, session, SessionEnded } from './api.js';
import { clear, draw } from './charts.js';
import { csv, download, table, ui } from './format.js';
import { SECTIONS } from './sections.js';

const LANG_KEY = 'rcf.dashboard.lang';
const $ = (selector, root = document) => root.querySelector(selector);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' }).format(new Date());
const fiveYearsBefore = (date) => `${Number(date.slice(0, 4)) - 5}${date.slice(4)}`;

const state = { me: null, provinces: [], answers: {}, views: {}, tablesShown: new Set() };

async function setLanguage(lang) {
  ui.labels = await labels(lang);
  ui.lang = lang;
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
  document.title = ui.t('dashboard.title');
  for (const el of document.querySelectorAll('[data-label]')) el.textContent = ui.t(el.dataset.label);
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  fillProvinceChoice();
  if (state.me) {
    $('#legend').textContent = ui.t(state.me.role === 'admin' ? 'dashboard.legendExact' : 'dashboard.legend');
    $('#as-of').textContent = ui.day(today);
    for (const id of Object.keys(state.answers)) show(id);
  }
}

function fillProvinceChoice() {
  const select = $('#province');
  const chosen = select.value;
  select.replaceChildren(new Option(ui.t('dashboard.nation'), ''), ...state.provinces.map((p) => new Option(ui.lang === 'km' ? p.nameKm : p.nameEn, p.code)));
  select.value = chosen;
}

function status(section, key, isError = false) {
  const el = $('.status', section);
  el.textContent = key ? ui.t(key) : '';
  el.classList.toggle('error', isError);
  el.setAttribute('role', isError ? 'alert' : 'status');
}

/** Shows a section from its last answer, in the current language. */
function show(id) {
  const section = document.getElementById(id);
  const view = SECTIONS[id].view(state.answers[id]);
  state.views[id] = view;
  status(section, view.empty ? 'dashboard.empty' : null);
  if (view.tiles) {
    $('.tiles', section).replaceChildren(
      ...view.tiles.map((tile) => {
        const el = document.createElement('div');
        el.className = 'tile';
        el.dataset.field = tile.field;
        el.innerHTML = '<span class="value"></span><span class="what"></span>';
        $('.value', el).textContent = tile.value.text;
        $('.value', el).classList.toggle('withheld', tile.value.withheld);
        $('.what', el).textContent = tile.label;
        return el;
      }),
    );
  }
  const charts = section.querySelectorAll('.chart');
  if (view.chart) draw(charts[0], view.chart);
  if (view.map) draw(charts[1], view.map);
  if (view.header) $('.table-wrap', section).replaceChildren(table(view.header, view.rows));
  const toggle = $('.toggle-table', section);
  if (toggle) toggle.textContent = ui.t(state.tablesShown.has(id) ? 'dashboard.showChart' : 'dashboard.showTable');
}

async function load(id, context) {
  const section = document.getElementById(id);
  status(section, 'dashboard.loading');
  try {
    state.answers[id] = await SECTIONS[id].load(context);
    show(id);
  } catch (error) {
    if (error instanceof SessionEnded) return endSession();
    delete state.answers[id];
    section.querySelectorAll('.chart').forEach(clear);
    $('.tiles', section)?.replaceChildren();
    $('.table-wrap', section)?.replaceChildren();
    status(section, 'dashboard.failed', true);
  }
}

function context() {
  return { baseline: $('#baseline').value, today, province: $('#province').value || null, provinces: state.provinces };
}

async function loadAll() {
  if (!$('#baseline').value || $('#baseline').value > today) $('#baseline').value = fiveYearsBefore(today);
  const c = context();
  await Promise.all(Object.keys(SECTIONS).map((id) => load(id, c)));
  document.body.dataset.ready = 'true';
}

async function start(me) {
  state.me = me;
  $('#login').hidden = true;
  $('#figures').hidden = false;
  $('#logout').hidden = false;
  try {
    state.provinces = (await getJson('/provinces')).items;
  } catch (error) {
    if (error instanceof SessionEnded) return endSession();
  }
  await setLanguage(ui.lang);
  await loadAll();
}

function endSession(message = 'dashboard.sessionEnded') {
  session.token = null;
  state.me = null;
  state.answers = {};
  delete document.body.dataset.ready;
  $('#figures').hidden = true;
  $('#logout').hidden = true;
  $('#login').hidden = false;
  const error = $('#login-error');
  error.hidden = !message;
  error.textContent = message ? ui.t(message) : '';
}

function wire() {
  for (const button of document.querySelectorAll('[data-lang]')) button.addEventListener('click', () => setLanguage(button.dataset.lang));
  $('#login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const me = await logIn($('#username').value, $('#password').value).catch(() => false);
    $('#password').value = '';
    if (!me) {
      $('#login-error').hidden = false;
      $('#login-error').textContent = ui.t('dashboard.loginFailed');
      return;
    }
    $('#login-error').hidden = true;
    await start(me);
  });
  $('#logout').addEventListener('click', () => endSession(null));
  $('#baseline').max = today;
  $('#baseline').addEventListener('change', () => loadAll());
  $('#province').addEventListener('change', () => loadAll());
  for (const id of Object.keys(SECTIONS)) {
    const section = document.getElementById(id);
    $('.toggle-table', section)?.addEventListener('click', () => {
      const shown = !state.tablesShown.has(id);
      if (shown) state.tablesShown.add(id);
      else state.tablesShown.delete(id);
      $('.table-wrap', section).hidden = !shown;
      section.querySelectorAll('.chart').forEach((chart) => (chart.hidden = shown));
      if (state.answers[id]) show(id);
    });
    $('.download-csv', section)?.addEventListener('click', () => {
      const view = state.views[id];
      if (!view) return;
      const { baseline, province } = context();
      download(`${id}-${province ?? 'national'}-${baseline}-${today}.csv`, csv(view.header, view.rows));
    });
  }
}

async function boot() {
  wire();
  const saved = localStorage.getItem(LANG_KEY);
  await setLanguage(saved === 'km' ? 'km' : 'en');
  const me = session.token ? await getJson('/auth/me').catch(() => null) : null;
  if (me && ['planner', 'admin'].includes(me.role)) await start(me);
  else endSession(null);
}

boot();
