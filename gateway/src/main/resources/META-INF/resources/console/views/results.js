// 考核结果: a scheme's ranking per category, drawn and listed; compute, lock and announce as the scheme allows.
import { COMPONENT, GRADE_REASON, SCHEME_STATE } from '../labels.js';
import { pickScheme } from '../schemes.js';
import { attempt, call, chart, dateTime, download, el, field, say, table } from '../ui.js';

const STEPS = { PUBLISHED: [['compute', '计算结果'], ['lock', '锁定结果']], LOCKED: [['announce', '公布结果']] };

export async function render(view, context) {
  await pickScheme(view, context, 'results', (scheme) => show(view, context, scheme));
}

async function show(view, context, scheme) {
  const base = '/assessment/schemes/' + scheme.id;
  const actions = el('div', { class: 'actions' },
    el('span', {}, '状态：' + SCHEME_STATE[scheme.state]),
    (STEPS[scheme.state] ?? []).map(([step, label]) => el('button', { type: 'button', onclick: async () => {
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
  view.append(table([
    ['排名', (r) => r.rank], ['单位', (r) => r.name], ['得分', (r) => r.total], ['等次', (r) => r.grade],
    ['说明', (r) => GRADE_REASON[r.gradeReason] ?? r.gradeReason], ['缺项', (r) => r.missing.map((c) => COMPONENT[c]).join('、')],
    ['调整', (r) => r.adjustment ? `${r.adjustment}（${r.adjustmentReason}）` : ''], ['计算于', (r) => dateTime(r.computedAt)],
  ], ranked, '这个类别没有结果。'));
}
