// 整改台账: the items in the person's scope with the ledger's filters and three colours, the issuing side's queues
// (plans and reports waiting for it, follow-ups due, items escalated to it), a search by words, number or leader and a
// unit picked by name, and an item opened with its history and the issuing side's steps.
import { ITEM_STATE, SOURCE, WARNING } from '../labels.js';
import { attempt, call, dateTime, download, el, field, pager, query, say, select, table, values } from '../ui.js';
import { unitPicker } from '../unit-picker.js';

const QUEUES = [['', '全部'], ['PLAN_SUBMITTED', '待审方案'], ['REPORT_SUBMITTED', '待验收报告'], ['FOLLOW_UP_DUE', '待回头看']];
const ESCALATED = 'escalated'; // 提级督办: overdue items of the units directly below, escalated to the person's committee
// the issuing side's steps: [step, path, button, what the note means, whether a note is required, the body's key]
const STEPS = [
  ['APPROVE_PLAN', 'plan/approve', '通过方案', '审核意见', false, 'note'],
  ['SEND_BACK_PLAN', 'plan/send-back', '退回方案', '退回理由', true, 'reason'],
  ['VERIFY', 'report/verify', '验收销号', '验收意见', false, 'note'],
  ['SEND_BACK_REPORT', 'report/send-back', '退回报告', '退回理由', true, 'reason'],
  ['SUSTAIN', 'follow-up/sustain', '回头看：巩固', '回头看情况', false, 'note'],
  ['REOPEN', 'follow-up/reopen', '回头看：重新整改', '重新整改的理由', true, 'reason'],
  ['WITHDRAW', 'withdraw', '撤销（误交办）', '撤销理由', true, 'reason'],
];

export function badge(item) {
  if (!item.warning) {
    return '';
  }
  return el('span', { class: 'badge ' + item.warning.toLowerCase() }, item.overdue ? '已逾期' : WARNING[item.warning]);
}

export async function render(view, context) {
  const p = context.params;
  const [unitInput, units] = unitPicker('unitName');
  unitInput.required = false;
  unitInput.value = p.get('unitName') ?? '';
  const filters = el('form', { class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    const chosen = values(filters);
    // the unit is sent by its code and shown again by the name typed
    context.go('ledger', { ...chosen, unit: !chosen.unitName ? ''
      : chosen.unitName === p.get('unitName') ? p.get('unit') : unitInput.code(), overdue: chosen.overdue ? 'true' : '' });
  } },
  field('关键词（问题、编号或责任人）', el('input', { name: 'q', type: 'search', maxlength: 100, value: p.get('q') ?? '' })),
  field('责任单位（含下级）', unitInput), units,
  field('状态', select('state', ITEM_STATE, '全部状态', p.get('state'))),
  field('问题来源', select('source', SOURCE, '全部来源', p.get('source'))),
  field('预警', select('warning', WARNING, '全部', p.get('warning'))),
  el('label', { class: 'field check' }, el('input', { type: 'checkbox', name: 'overdue', value: 'true', checked: p.get('overdue') === 'true' }), '只看逾期'),
  el('button', { type: 'submit' }, '筛选'),
  el('button', { type: 'button', class: 'plain', onclick: () => attempt(() => download(query('/rectification/ledger/export.xlsx',
    filterOf(p)), '整改台账.xlsx')) }, '导出 Excel'));
  const queues = el('div', { class: 'actions', role: 'group', 'aria-label': '待办队列' },
    QUEUES.map(([state, label]) => el('button', { type: 'button',
      class: (p.get('state') ?? '') === state && !p.has(ESCALATED) ? '' : 'plain', onclick: () => context.go('ledger', { state }) }, label)),
    el('button', { type: 'button', class: p.has(ESCALATED) ? '' : 'plain', onclick: () => context.go('ledger', { [ESCALATED]: 1 }) },
      '提级督办'));
  const detail = el('div', { tabindex: '-1', class: 'detail' }); // focused when an item opens, read out from its start
  view.append(queues, filters, detail);
  const page = Number(p.get('page') ?? 0);
  const answer = await attempt(() => call(p.has(ESCALATED) ? query('/rectification/ledger/escalated', { page, size: 20 })
    : query('/rectification/ledger', { ...filterOf(p), page, size: 20 })));
  if (!answer) {
    return;
  }
  view.append(table([
    ['编号', (i) => i.number], ['责任单位', (i) => i.unitName ?? i.unit], ['来源', (i) => i.sourceLabel],
    ['问题', (i) => i.problem], ['整改类型', (i) => i.timingLabel], ['整改时限', (i) => i.deadline],
    ['状态', (i) => i.stateLabel], ['预警', badge],
  ], answer.items, p.has(ESCALATED) ? '没有提级督办的事项：下级单位没有逾期未改的问题。'
    : p.toString() ? '没有符合条件的整改事项，换个条件试试。' : '台账还是空的：从“交办问题”交办第一个问题。',
  (item) => open(item.id)), pager(answer, (to) => context.go('ledger', { ...Object.fromEntries(p), page: to })));
  if (p.get('item')) {
    await open(p.get('item'));
  }

  async function open(id) {
    const found = await attempt(() => call('/rectification/items/' + encodeURIComponent(id)));
    if (!found) {
      return;
    }
    const { item, history: done } = found;
    const here = new URLSearchParams(p);
    here.set('item', id);
    if (view.isConnected) {
      history.replaceState(null, '', '#/ledger?' + here); // a redraw after a step opens it again
    }
    const steps = STEPS.filter(([step]) => item.allowedSteps.includes(step));
    detail.replaceChildren(el('section', { class: 'panel', 'aria-label': '整改事项 ' + item.number },
      el('h2', {}, item.number + ' · ' + item.stateLabel + ' ', badge(item)),
      el('dl', { class: 'facts' },
        el('dt', {}, '责任单位'), el('dd', {}, item.unitName ?? item.unit),
        el('dt', {}, '问题'), el('dd', {}, item.problem),
        el('dt', {}, '来源 / 类型'), el('dd', {}, item.sourceLabel + ' · ' + item.timingLabel),
        el('dt', {}, '责任人'), el('dd', {}, item.responsibleLeader ?? '—'),
        el('dt', {}, '整改时限'), el('dd', {}, item.deadline + (item.overdue ? `（已逾期 ${-item.daysLeft} 天）` : '')),
        el('dt', {}, '整改措施'), el('dd', {}, item.measures ?? '—'),
        el('dt', {}, '整改报告'), el('dd', {}, item.report ?? '—')),
      steps.length ? stepForm(item, steps) : el('p', {}, '现在没有需要交办方办理的步骤。'),
      el('h2', {}, '办理记录'),
      table([['时间', (h) => dateTime(h.at)], ['办理人', (h) => h.actor], ['办理', (h) => ITEM_STATE[h.toState] ?? h.action],
        ['意见', (h) => h.note]], done, '')));
    detail.focus();
    detail.scrollIntoView({ block: 'start' });
  }

  function stepForm(item, steps) {
    const form = el('form', { class: 'filters', 'aria-label': '办理', onsubmit: (event) => event.preventDefault() },
      field('意见或理由', el('textarea', { name: 'note', rows: 2, maxlength: 2000 })),
      steps.some(([step]) => step === 'REOPEN') ? field('重新整改时限', el('input', { name: 'deadline', type: 'date' })) : null,
      steps.map(([step, path, label, , required, key]) => el('button', { type: 'submit', value: step, onclick: async (event) => {
        event.preventDefault();
        const note = form.elements.note.value.trim();
        if (required && !note) {
          say('请填写' + STEPS.find(([s]) => s === step)[3] + '。', true);
          form.elements.note.focus();
          return;
        }
        const body = note ? { [key]: note } : {};
        if (step === 'REOPEN') {
          body.deadline = form.elements.deadline.value || undefined; // none: the API names the missing field
        }
        const done = await attempt(() => call(`/rectification/items/${item.id}/${path}`, 'POST', body));
        if (done) {
          say(`${item.number}：${label}，现为“${done.stateLabel}”。`);
          await context.reload();
        }
      } }, label)));
    return form;
  }
}

function filterOf(p) {
  return Object.fromEntries(['q', 'unit', 'state', 'source', 'warning', 'overdue'].filter((k) => p.get(k)).map((k) => [k, p.get(k)]));
}
