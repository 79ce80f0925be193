// 整改统计: a unit's figures as it reads the units directly below it, each with its whole subtree's items (items,
// open, overdue, closed on time, reopened), drawn and listed; a unit below is opened in turn, down the tree. Below,
// the subtree's last twelve months (issued, closed, fallen overdue) and its items per source.
import { attempt, call, chart, el, percent, query, table } from '../ui.js';

// the ledger's rates are shares (0.875); the console shows percentages
const inPercent = (share) => share === null ? null : share * 100;

export async function render(view, context) {
  const top = context.params.get('unit') ?? context.unitCode;
  // both asked at once: on a city's ledger each takes a few hundred milliseconds
  const lastYear = attempt(() => call(query('/rectification/ledger/trend', { unit: top })));
  const units = await attempt(() => call(query('/rectification/ledger/figures', { unit: top, rollup: true })));
  if (!units) {
    return;
  }
  if (units.length === 0) {
    view.append(el('p', { class: 'empty' }, '还没有整改事项：交办问题后，这里按单位统计整改进度。'));
    return;
  }
  const drawing = el('div', { class: 'chart', role: 'img', 'aria-label': '各单位整改情况图' });
  view.append(el('div', { class: 'panel' }, drawing));
  const name = (u) => (u.name ?? u.unit) + (u.unit === top ? '（本级）' : '');
  const names = units.map(name);
  await chart(drawing, {
    title: { text: '各单位整改情况', left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 28 },
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 60, top: 70, bottom: 60 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: '事项数' }, { type: 'value', name: '按期率 %', max: 100 }],
    series: [
      { name: '在办', type: 'bar', stack: 'items', data: units.map((u) => u.open - u.overdue), itemStyle: { color: '#f0a020' } },
      { name: '逾期', type: 'bar', stack: 'items', data: units.map((u) => u.overdue), itemStyle: { color: '#a11a1a' } },
      { name: '已销号', type: 'bar', stack: 'items', data: units.map((u) => u.closed), itemStyle: { color: '#2e7d32' } },
      { name: '按期销号率', type: 'line', yAxisIndex: 1, data: units.map((u) => inPercent(u.onTimeRate)), itemStyle: { color: '#1d6fb8' } },
    ],
  });
  view.append(table([
    ['单位', (u) => u.unit === top ? name(u) : el('a', { href: '#/figures?unit=' + encodeURIComponent(u.unit),
      title: '查看其下级单位' }, name(u))],
    ['事项', (u) => u.items], ['在办', (u) => u.open], ['逾期', (u) => u.overdue], ['已销号', (u) => u.closed],
    ['按期销号', (u) => u.closedOnTime], ['按期销号率', (u) => percent(inPercent(u.onTimeRate))], ['重新整改', (u) => u.reopened],
    ['反弹率', (u) => percent(inPercent(u.reopenRate))],
    ['', (u) => el('a', { href: '#/ledger?' + new URLSearchParams({ unit: u.unit, unitName: u.name ?? u.unit }) }, '台账')],
  ], units, ''));
  await trend(view, await lastYear);
}

async function trend(view, figures) {
  if (!figures) {
    return;
  }
  const months = el('div', { class: 'chart', role: 'img', 'aria-label': '近十二个月整改趋势图' });
  const sources = el('div', { class: 'chart', role: 'img', 'aria-label': '按问题来源统计图' });
  view.append(el('div', { class: 'columns' }, el('div', { class: 'panel' }, months), el('div', { class: 'panel' }, sources)));
  const month = (m) => Number(m.month.slice(5)) + '月';
  await chart(months, {
    title: { text: '近十二个月：交办、销号与逾期', left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 28 }, tooltip: { trigger: 'axis' }, grid: { left: 50, right: 20, top: 70, bottom: 40 },
    xAxis: { type: 'category', data: figures.months.map(month) },
    yAxis: { type: 'value', name: '事项数', minInterval: 1 },
    series: [
      { name: '交办', type: 'bar', data: figures.months.map((m) => m.issued), itemStyle: { color: '#86909c' } },
      { name: '销号', type: 'bar', data: figures.months.map((m) => m.closed), itemStyle: { color: '#2e7d32' } },
      { name: '逾期', type: 'line', data: figures.months.map((m) => m.overdue), itemStyle: { color: '#a11a1a' } },
    ],
  });
  await chart(sources, {
    title: { text: '按问题来源', left: 'center', textStyle: { fontSize: 14 } },
    legend: { top: 28 }, tooltip: { trigger: 'axis' }, grid: { left: 50, right: 60, top: 70, bottom: 40 },
    xAxis: { type: 'category', data: figures.sources.map((x) => x.sourceLabel), axisLabel: { interval: 0 } },
    yAxis: [{ type: 'value', name: '事项数', minInterval: 1 }, { type: 'value', name: '按期率 %', max: 100 }],
    series: [
      { name: '事项', type: 'bar', data: figures.sources.map((x) => x.items), itemStyle: { color: '#86909c' } },
      { name: '逾期', type: 'bar', data: figures.sources.map((x) => x.overdue), itemStyle: { color: '#a11a1a' } },
      { name: '按期销号率', type: 'line', yAxisIndex: 1, data: figures.sources.map((x) => inPercent(x.onTimeRate)),
        itemStyle: { color: '#1d6fb8' } },
    ],
  });
}
