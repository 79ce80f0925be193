// 问题线索: the discipline commission's clues, the list without details or reporters; a clue opened shows them (and
// the read is recorded), its handling so far, and the next step: 初核, then 办结 with a disposition.
import { CLUE_STATUS, DISPOSITION } from '../labels.js';
import { attempt, call, dateTime, el, field, pager, say, select, table, values } from '../ui.js';

export async function render(view, context) {
  const detail = el('div');
  const page = Number(context.params.get('page') ?? 0);
  const answer = await attempt(() => call('/rectification/clues?size=20&page=' + page));
  if (!answer) {
    return;
  }
  view.append(el('p', { class: 'notice' }, '线索仅纪委可见。打开一条线索即查看其详情与反映人，每次查阅都会留下记录。'), detail,
    table([['登记时间', (c) => dateTime(c.registeredAt)], ['单位', (c) => c.unitName ?? c.unit], ['摘要', (c) => c.summary],
      ['状态', (c) => CLUE_STATUS[c.status]], ['处置', (c) => DISPOSITION[c.disposition]]],
    answer.items, '没有移交来的问题线索。巡察发现的线索移交后出现在这里。', (clue) => open(clue.id)),
    pager(answer, (to) => context.go('clues', { page: to })));

  async function open(id) {
    const found = await attempt(() => call('/rectification/clues/' + id));
    if (!found) {
      return;
    }
    const next = found.clue.status === 'TRANSFERRED' ? { VERIFYING: CLUE_STATUS.VERIFYING }
      : found.clue.status === 'VERIFYING' ? { CONCLUDED: CLUE_STATUS.CONCLUDED } : null;
    const form = next && el('form', { class: 'filters', onsubmit: async (event) => {
      event.preventDefault();
      const done = await attempt(() => call(`/rectification/clues/${id}/handling`, 'POST', values(form)));
      if (done) {
        say('线索已转为“' + CLUE_STATUS[done.status] + '”。');
        await context.reload();
      }
    } },
    field('下一步', select('status', next)),
    next.CONCLUDED ? field('处置（四种形态等）', select('disposition', DISPOSITION, '请选择')) : null,
    field('说明', el('textarea', { name: 'note', rows: 2, maxlength: 4000 })),
    el('button', { type: 'submit' }, '办理'));
    detail.replaceChildren(el('section', { class: 'panel', 'aria-label': '线索详情' },
      el('h2', {}, found.clue.summary + '（' + CLUE_STATUS[found.clue.status] + '）'),
      el('dl', { class: 'facts' }, el('dt', {}, '详情'), el('dd', {}, found.details ?? '—'),
        el('dt', {}, '反映人'), el('dd', {}, found.reporter ?? '匿名'), el('dt', {}, '登记人'), el('dd', {}, found.registeredBy)),
      form ?? el('p', {}, '线索已办结。'),
      el('h2', {}, '办理记录'),
      table([['时间', (h) => dateTime(h.at)], ['办理人', (h) => h.actor], ['状态', (h) => CLUE_STATUS[h.status]],
        ['处置', (h) => DISPOSITION[h.disposition]], ['说明', (h) => h.note]], found.handling, '')));
  }
}
