// ECharts options for the dashboard's charts, drawn as SVG so text uses the page's Khmer font.
import { ui } from './format.js';

const PALETTE = ['#b2182b', '#2166ac', '#1b9e77', '#7570b3', '#e6ab02', '#66a61e', '#a6761d'];
const instances = new Map();

/** Draws (or redraws) an option into an element. */
export function draw(element, option) {
  let chart = instances.get(element);
  if (!chart) {
    chart = globalThis.echarts.init(element, null, { renderer: 'svg' });
    instances.set(element, chart);
    new ResizeObserver(() => chart.resize()).observe(element);
  }
  chart.setOption({ textStyle: { fontFamily: "'Noto Sans Khmer', system-ui, sans-serif" }, color: PALETTE, animation: false, ...option }, true);
}

export function clear(element) {
  instances.get(element)?.clear();
}

/** A data item; a withheld count is a gap in the line, and its tooltip says so. */
export const item = (value, withheld) => ({ value, withheld });

const tooltipValue = (data, digits = 0) =>
  data?.withheld ? ui.t('dashboard.fewerThan5') : data?.value === null || data?.value === undefined ? '–' : ui.number(data.value, digits);

function axisTooltip(digits) {
  return {
    trigger: 'axis',
    formatter: (params) =>
      [params[0]?.axisValueLabel ?? '', ...params.map((p) => `${p.marker}${p.seriesName}: ${tooltipValue(p.data, digits)}`)].join('<br>'),
  };
}

/** Lines over months (stacked areas when `stacked`). */
export function monthlyLines({ months, series, stacked = false }) {
  return {
    tooltip: axisTooltip(0),
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: months.map((m) => ui.month(m)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      ...(stacked ? { stack: 'all', areaStyle: { opacity: 0.85 } } : {}),
      data: s.data,
    })),
  };
}

/** Horizontal bars, one row per category (first at the top). */
export function bars({ categories, series }) {
  return {
    tooltip: { ...axisTooltip(0), axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 150, right: 24, top: 36, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.data, barMaxWidth: 14 })),
  };
}

/** Province centres on longitude and latitude: size by the count now, colour by its change. */
export function centres({ points, sizeName, changeName }) {
  const largest = Math.max(1, ...points.map((p) => p.size ?? 0));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => `${p.data.name}<br>${sizeName}: ${tooltipValue(p.data.sizeItem)}<br>${changeName}: ${tooltipValue(p.data.changeItem)}`,
    },
    grid: { left: 8, right: 8, top: 8, bottom: 8 },
    xAxis: { type: 'value', min: 102.2, max: 107.8, show: false },
    yAxis: { type: 'value', min: 10.2, max: 14.8, show: false },
    series: [
      {
        type: 'scatter',
        data: points.map((p) => ({
          name: p.name,
          value: [p.long, p.lat],
          sizeItem: item(p.size, p.sizeWithheld),
          changeItem: item(p.change, p.changeWithheld),
          symbolSize: p.size === null ? 8 : 8 + 40 * Math.sqrt(p.size / largest),
          itemStyle: { color: p.change === null ? '#9aa3ad' : p.change <= 0 ? '#2166ac' : '#b2182b', opacity: 0.8 },
          label: { show: true, position: 'right', formatter: p.name, fontSize: 10, color: '#333' },
        })),
      },
    ],
  };
}
