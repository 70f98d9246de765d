// The dashboard's sections: what each asks the API, and how it shows the answer as a chart and a table.
import { getJson } from './api.js';
import { bars, centres, item, monthlyLines } from './charts.js';
import { shown, ui } from './format.js';

const CARE_SETTINGS = ['residential_care', 'kinship_care', 'foster_care', 'parental_care', 'independent_living'];
const FLOWS = ['admissions', 'placedAtGatekeeping', 'reintegrations', 'breakdowns'];
const COMPLIANCE = ['authorized', 'withActiveMou', 'inspectedLast12Months', 'overdueInspections'];

/** The last day of the month before `date`: flows by month stop at the last whole month. */
const endOfLastMonth = (date) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
const provinceName = (p) => (ui.lang === 'km' ? p.nameKm : p.nameEn);
const count = (row) => (row ? item(row.count, row.suppressed) : item(0, false));
const asShown = (data, unit) => shown(data.value, { withheld: data.withheld, unit });

/** Each section: `load` asks the API; `view` turns the answer into tiles or a chart, a table and its emptiness. */
export const SECTIONS = {
  headline: {
    load: (c) => getJson('/figures/deinstitutionalisation', { baseline: c.baseline, asOf: c.today, provinceCode: c.province }),
    view(d) {
      const withheld = (field) => d.suppressedFields.includes(field);
      const tiles = [
        ['residentialNow', 'children'],
        ['residentialAtBaseline', 'children'],
        ['reductionPercent', 'percent'],
        ['residentialToFamilyRatio', 'ratio'],
        ['gatekeptAdmissionsPercent', 'percent'],
      ].map(([field, unit]) => ({ field, label: ui.t(`dashboard.${field}`), value: shown(d[field], { withheld: withheld(field), unit }) }));
      return { tiles, empty: d.residentialNow === 0 && d.residentialAtBaseline === 0 };
    },
  },

  'by-setting': {
    load: (c) => getJson('/figures/children/series', { from: c.baseline, to: c.today, interval: 'month', groupBy: 'careSetting', provinceCode: c.province }),
    view(d) {
      const months = d.points.map((p) => p.date);
      const bySetting = CARE_SETTINGS.map((s) => d.points.map((p) => count(p.rows.find((r) => r.careSetting === s))));
      const totals = d.points.map((p) => item(p.total, p.totalSuppressed));
      return {
        chart: monthlyLines({ months, stacked: true, series: CARE_SETTINGS.map((s, i) => ({ name: ui.t(`careSetting.${s}`), data: bySetting[i] })) }),
        header: [ui.t('dashboard.month'), ...CARE_SETTINGS.map((s) => ui.t(`careSetting.${s}`)), ui.t('dashboard.total')],
        rows: d.points.map((p, n) => [p.date, ...bySetting.map((s) => asShown(s[n])), asShown(totals[n])]),
        empty: d.points.every((p) => p.total === 0),
      };
    },
  },

  provinces: {
    load: async (c) => {
      const [now, then] = await Promise.all([
        getJson('/figures/children', { asOf: c.today, groupBy: 'provinceCode,careSetting' }),
        getJson('/figures/children', { asOf: c.baseline, groupBy: 'provinceCode,careSetting' }),
      ]);
      return { now, then, provinces: c.provinces };
    },
    view(d) {
      const residential = (answer, code) => count(answer.rows.find((r) => r.provinceCode === code && r.careSetting === 'residential_care'));
      const rows = d.provinces
        .map((p) => {
          const now = residential(d.now, p.code);
          const then = residential(d.then, p.code);
          const change = now.value === null || then.value === null ? item(null, true) : item(now.value - then.value, false);
          return { p, now, then, change };
        })
        // Provinces with no residential care then or now (none in the data) would only crowd the chart.
        .filter((r) => r.now.value !== 0 || r.then.value !== 0)
        .sort((a, b) => (b.now.value ?? 2.5) - (a.now.value ?? 2.5));
      const names = rows.map((r) => provinceName(r.p));
      const changeName = ui.t('dashboard.change');
      return {
        chart: bars({
          categories: names,
          series: [
            { name: ui.t('dashboard.atBaselineShort'), data: rows.map((r) => r.then) },
            { name: ui.t('dashboard.residentialNowShort'), data: rows.map((r) => r.now) },
          ],
        }),
        map: centres({
          sizeName: ui.t('dashboard.residentialNow'),
          changeName,
          points: rows.map((r) => ({
            name: provinceName(r.p),
            lat: r.p.centre[0],
            long: r.p.centre[1],
            size: r.now.value,
            sizeWithheld: r.now.withheld,
            change: r.change.value,
            changeWithheld: r.change.withheld,
          })),
        }),
        header: [ui.t('dashboard.province'), ui.t('dashboard.atBaselineShort'), ui.t('dashboard.residentialNowShort'), changeName],
        rows: rows.map((r) => [provinceName(r.p), asShown(r.then), asShown(r.now), asShown(r.change)]),
        empty: rows.length === 0,
      };
    },
  },

  flows: {
    load: (c) => getJson('/figures/flows', { from: c.baseline, to: endOfLastMonth(c.today) > c.baseline ? endOfLastMonth(c.today) : c.today, interval: 'month', provinceCode: c.province }),
    view(d) {
      const months = d.rows.map((r) => r.periodFrom);
      const values = FLOWS.map((f) => d.rows.map((r) => item(r[f], r.suppressedFields.includes(f))));
      return {
        chart: monthlyLines({ months, series: FLOWS.map((f, i) => ({ name: ui.t(`flow.${f}`), data: values[i] })) }),
        header: [ui.t('dashboard.month'), ...FLOWS.map((f) => ui.t(`flow.${f}`))],
        rows: d.rows.map((r, n) => [r.periodFrom.slice(0, 7), ...values.map((v) => asShown(v[n]))]),
        empty: d.rows.every((r) => FLOWS.every((f) => r[f] === 0)),
      };
    },
  },

  compliance: {
    load: async (c) => ({ answer: await getJson('/figures/facilities', { asOf: c.today, groupBy: 'provinceCode,status' }), provinces: c.provinces, province: c.province }),
    view(d) {
      const rows = d.provinces
        .filter((p) => !d.province || p.code === d.province)
        .map((p) => {
          const mine = d.answer.rows.filter((r) => r.provinceCode === p.code);
          const sum = (field) => mine.reduce((n, r) => n + r[field], 0);
          // Facility counts are exact for everyone: no child is in them.
          const counts = {
            authorized: mine.filter((r) => r.status === 'authorized').reduce((n, r) => n + r.facilities, 0),
            withActiveMou: sum('withActiveMou'),
            inspectedLast12Months: sum('inspectedLast12Months'),
            overdueInspections: sum('overdueInspections'),
          };
          return { p, counts };
        })
        .filter((r) => COMPLIANCE.some((k) => r.counts[k] > 0))
        .sort((a, b) => b.counts.authorized - a.counts.authorized);
      return {
        chart: bars({
          categories: rows.map((r) => provinceName(r.p)),
          series: COMPLIANCE.map((k) => ({ name: ui.t(`facilityCount.${k}`), data: rows.map((r) => item(r.counts[k], false)) })),
        }),
        header: [ui.t('dashboard.province'), ...COMPLIANCE.map((k) => ui.t(`facilityCount.${k}`))],
        rows: rows.map((r) => [provinceName(r.p), ...COMPLIANCE.map((k) => shown(r.counts[k]))]),
        empty: rows.length === 0,
      };
    },
  },

  indicators: {
    load: (c) => getJson('/figures/indicators', { from: c.baseline, to: c.today, provinceCode: c.province }),
    view(d) {
      return {
        header: [ui.t('dashboard.indicator'), ui.t('dashboard.value'), ui.t('dashboard.unit')],
        rows: d.indicators.map((i) => [ui.t(`indicator.${i.indicator}`), shown(i.value, { withheld: i.suppressed, unit: i.unit }), ui.t(`unit.${i.unit}`)]),
        empty: d.indicators.every((i) => i.value === 0 || i.value === null) && !d.indicators.some((i) => i.suppressed),
      };
    },
  },
};
