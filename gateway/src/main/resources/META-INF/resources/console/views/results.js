// 考核结果: a scheme's ranking per category, drawn and listed; compute, lock and announce as the scheme allows.
import { COMPONENT, GRADE_REASON, SCHEME_STATE } from '../labels.js';
import { pickScheme } from '../schemes.js';
import { attempt, call, chart, confirmed, dateTime, download, el, field, say, table, values } from '../ui.js';

const STEPS = { PUBLISHED: [['compute', '计算结果'], ['lock', '锁定结果']], LOCKED: [['announce', '公布结果']] };
/** what the person is asked before a step that cannot be undone */
const ASK = { lock: '锁定后不能再计算、校准或评分，结果以锁定时为准。', announce: '公布后各单位可看到自己的结果和排名，不能撤回。' };

export async function render(view, context) {
  await pickScheme(view, context, 'results', (scheme) => show(view, context, scheme));
}

async function show(view, context, scheme) {
  const base = '/assessment/schemes/' + scheme.id;
  const actions = el('div', { class: 'actions' },
    el('span', {}, '状态：' + SCHEME_STATE[scheme.state]),
    (STEPS[scheme.state] ?? []).map(([step, label]) => el('button', { type: 'button', onclick: async () => {
      if (ASK[step] && !await confirmed(label + '：' + scheme.title + '？', ASK[step])) {
        return;
      }
      const done = await attempt(() => call(base + '/' + step, 'POST'));
      if (done) {
        say(label + '：已完成。');
        await context.reload();
      }
    } }, label)),
    el('button', { type: 'button', class: 'plain', onclick: () => attempt(() => download(base + '/results.xlsx',
      scheme.title + '-考核结果.xlsx')) }, '导出 Excel'));
  view.append(actions);
  const all = await attempt(() => call(base + '/results'));
  if (!all) {
    return;
  }
  if (all.length === 0) {
    view.append(el('p', { class: 'empty' }, scheme.state === 'PUBLISHED'
      ? '还没有计算结果。单位自评、部门评分后，点击“计算结果”。' : '这个方案没有结果。'));
    return;
  }
  const categories = [...new Set(all.map((r) => r.category))];
  const category = categories.includes(context.params.get('category')) ? context.params.get('category') : categories[0];
  const picker = el('select', { name: 'category', onchange: () => context.go('results', { scheme: scheme.id, category: picker.value }) },
    categories.map((c) => el('option', { value: c, selected: c === category }, c)));
  view.append(el('div', { class: 'filters' }, field('单位类别（分类排名）', picker)));
  const ranked = all.filter((r) => r.category === category).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9));
  const drawing = el('div', { class: 'chart', role: 'img', 'aria-label': category + ' 得分排名图' });
  view.append(el('div', { class: 'panel' }, drawing));
  const top = ranked.slice(0, 30);
  await chart(drawing, {
    title: { text: category + ' · 得分排名', left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 60, right: 20, bottom: 70 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', name: '得分', max: 100 },
    series: [{ type: 'bar', data: top.map((r) => r.total), itemStyle: { color: '#b71c1c' }, label: { show: true, position: 'top' } }],
  });
  const detail = el('div', { tabindex: '-1', class: 'detail' });
  view.append(table([
    ['排名', (r) => r.rank], ['单位', (r) => r.name], ['得分', (r) => r.total], ['等次', (r) => r.grade],
    ['说明', (r) => GRADE_REASON[r.gradeReason] ?? r.gradeReason], ['缺项', (r) => r.missing.map((c) => COMPONENT[c]).join('、')],
    ['调整', (r) => r.adjustment ? `${r.adjustment}（${r.adjustmentReason}）` : ''], ['计算于', (r) => dateTime(r.computedAt)],
  ], ranked, '这个类别没有结果。', (r) => breakdown(detail, context, scheme, r.unit)), detail);
}

/** A unit's result with every number it came from; while the scheme is open, its calibration (校准, ±10 points). */
async function breakdown(detail, context, scheme, unit) {
  const base = `/assessment/schemes/${scheme.id}/results/${encodeURIComponent(unit)}`;
  detail.dataset.unit = unit;
  const b = await attempt(() => call(base));
  if (!b || detail.dataset.unit !== unit) {
    return; // another unit was opened meanwhile: its answer is the one to show
  }
  const r = b.result;
  const calibration = el('form', { class: 'filters', 'aria-label': '校准', onsubmit: async (event) => {
    event.preventDefault();
    const v = values(calibration);
    const calibrated = await attempt(() => call(base + '/calibrate', 'POST', { adjustment: Number(v.adjustment), reason: v.reason }));
    if (calibrated) {
      say(`已校准：${calibrated.name} ${Number(calibrated.adjustment) > 0 ? '+' : ''}${calibrated.adjustment} 分，得分 ${calibrated.total}。`);
      await context.reload();
    }
  } },
  field('调整分值（-10 至 10）', el('input', { name: 'adjustment', type: 'number', step: '0.1', min: -10, max: 10, required: true,
    value: r.adjustment ?? '' })),
  field('校准理由', el('input', { name: 'reason', required: true, maxlength: 2000, size: 40, value: r.adjustmentReason ?? '' })),
  el('button', { type: 'submit' }, '校准'));
  detail.replaceChildren(el('section', { class: 'panel', 'aria-label': r.name + ' 得分构成' },
    el('h2', {}, `${r.name}：${r.total ?? '—'} 分 · ${r.grade ?? '未定等次'}`),
    el('button', { type: 'button', class: 'plain', onclick: () => attempt(() => download(base + '/report.pdf',
      `${scheme.title}-${r.name}-考核结果.pdf`)) }, '下载考核结果报告（PDF）'),
    el('dl', { class: 'facts' }, Object.entries(b.weights).flatMap(([component, weight]) => [
      el('dt', {}, `${COMPONENT[component]}（权重 ${weight}）`), el('dd', {}, String(r.components[component] ?? '缺项'))])),
    table([['维度', (l) => scheme.definition.dimensions.find((d) => d.code === l.dimension)?.name ?? l.dimension], ['指标', (l) => l.name], ['分值', (l) => l.points], ['得分', (l) => l.earned],
      ['', (l) => l.finding ? el('span', { class: 'badge red' }, '问题') : '']], b.indicators, '没有指标得分。'),
    b.unreviewed.length ? el('p', { class: 'notice' }, '未经部门评分、按自评计：'
      + b.unreviewed.map((code) => b.indicators.find((l) => l.code === code)?.name ?? code).join('、')) : null,
    scheme.state === 'PUBLISHED' ? [el('h2', {}, '校准'), el('p', { class: 'hint' }, '校准记录调整分值、理由和校准人；重新计算时保留。'), calibration] : null));
  detail.focus();
}
