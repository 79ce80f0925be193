// 待评分: a department reviewer's queue of the units' reports on their department's indicators, oldest first, with
// the unit's evidence beside each; a report opened is scored (a figure, or a grade for a qualitative indicator).
import { METHOD } from '../labels.js';
import { pickScheme } from '../schemes.js';
import { attempt, call, dateTime, el, field, pager, say, table, values } from '../ui.js';

export async function render(view, context) {
  await pickScheme(view, context, 'review', async (scheme) => {
    const page = Number(context.params.get('page') ?? 0);
    const base = '/assessment/schemes/' + scheme.id;
    const answer = await attempt(() => call(`${base}/review-queue?size=20&page=${page}`));
    if (!answer) {
      return;
    }
    const detail = el('div');
    view.append(detail, table([
      ['单位', (w) => w.unitName ?? w.unit], ['指标', (w) => w.indicatorName], ['分值', (w) => w.points],
      ['计分方法', (w) => METHOD[w.method] ?? w.method], ['自评', (w) => w.selfGrade ?? w.selfValue],
      ['佐证材料', (w) => w.evidence], ['填报时间', (w) => dateTime(w.selfAt)],
    ], answer.items, '没有等待本部门评分的填报。', (waiting) => open(waiting)),
    pager(answer, (to) => context.go('review', { scheme: scheme.id, page: to })));

    function open(w) {
      const qualitative = w.method === 'QUALITATIVE';
      const form = el('form', { class: 'panel', 'aria-label': '评分', onsubmit: async (event) => {
        event.preventDefault();
        const v = values(form);
        const body = { comment: v.comment, ...(qualitative ? { grade: v.grade } : { value: Number(v.value) }) };
        const scored = await attempt(() => call(`${base}/units/${encodeURIComponent(w.unit)}/indicators/`
          + `${encodeURIComponent(w.indicator)}/review`, 'PUT', body));
        if (scored) {
          say(`已评分：${w.unitName ?? w.unit} · ${w.indicatorName}。`);
          await context.reload();
        }
      } },
      el('h2', {}, (w.unitName ?? w.unit) + ' · ' + w.indicatorName),
      el('dl', { class: 'facts' }, el('dt', {}, '单位自评'), el('dd', {}, String(w.selfGrade ?? w.selfValue)),
        el('dt', {}, '佐证材料'), el('dd', {}, w.evidence ?? '（未提供）'), el('dt', {}, '填报人'), el('dd', {}, w.selfBy)),
      el('div', { class: 'filters' },
        qualitative ? field('评定等次', el('input', { name: 'grade', required: true, maxlength: 20 }))
          : field('核定数值', el('input', { name: 'value', type: 'number', step: 'any', required: true, value: w.selfValue })),
        field('评分意见', el('textarea', { name: 'comment', rows: 2, maxlength: 4000 })),
        el('button', { type: 'submit' }, '提交评分')));
      detail.replaceChildren(form);
      form.elements[qualitative ? 'grade' : 'value'].focus();
    }
  }, true);
}
