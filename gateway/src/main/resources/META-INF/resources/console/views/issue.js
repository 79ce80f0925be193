// 交办问题: one problem issued to a unit in the person's scope, its responsible leader chosen from the unit's
// registered leaders (or named outside the registry), with the deadline the timing class gives unless one is set.
import { SOURCE, TIMING } from '../labels.js';
import { attempt, call, el, field, query, refusedRows, say, select, sheetImport, upload, values } from '../ui.js';
import { unitPicker } from '../unit-picker.js';

export async function render(view, context) {
  const [unit, units] = unitPicker('unit', (code) => leaders(code));
  const leader = el('select', { name: 'responsibleLeaderId' }, el('option', { value: '' }, '（先选择责任单位）'));
  const form = el('form', { class: 'panel', 'aria-label': '交办问题', onsubmit: async (event) => {
    event.preventDefault();
    const body = { ...values(form), unit: unit.code() };
    const issued = await attempt(() => call('/rectification/items', 'POST', body));
    if (issued) {
      say(`已交办 ${issued.number}：${issued.unitName ?? issued.unit}，整改时限 ${issued.deadline}。`);
      form.reset();
      leader.replaceChildren(el('option', { value: '' }, '（先选择责任单位）'));
    }
  } },
  el('div', { class: 'filters' },
    field('问题来源', select('source', SOURCE, undefined, 'INSPECTION')),
    field('整改类型', select('timingClass', TIMING, undefined, 'FULL')),
    field('责任单位', unit), units,
    field('责任人（单位的在册领导）', leader),
    field('或：名册外的责任人姓名', el('input', { name: 'responsibleLeader', maxlength: 100 }))),
  el('div', { class: 'filters' },
    field('问题描述', el('textarea', { name: 'problem', rows: 4, required: true, maxlength: 4000 })),
    field('公开摘要（开门整改，可不填）', el('textarea', { name: 'publicSummary', rows: 4, maxlength: 500 }))),
  el('div', { class: 'filters' },
    field('发现日期（默认今天）', el('input', { name: 'foundOn', type: 'date' })),
    field('整改时限（默认按整改类型）', el('input', { name: 'deadline', type: 'date' })),
    el('button', { type: 'submit' }, '交办')));
  // an inspection's list of problems, a row each (巡察反馈问题清单). The request's key is the file's digest: the same
  // list sent again (picked twice, or resent after a refreshed sign-in) is answered as the first time, issued once
  const imports = sheetImport('从 Excel 导入问题清单（责任单位编码、问题来源、整改类型、问题描述、公开摘要、责任人、发现日期、整改时限）',
    async (file, validOnly) => {
      const key = 'problems:' + await digest(file) + (validOnly ? ':valid' : '');
      const done = await attempt(() => upload('/rectification/items/import' + (validOnly ? '?rows=valid' : ''), file,
        { 'Idempotency-Key': key }));
      if (done) {
        say(`已交办 ${done.issued.length} 个问题` + (done.issued.length ? `（${done.issued.map((i) => i.number).join('、')}）` : '')
          + (done.refused.length ? `；未交办：${refusedRows(done.refused)}` : '。'), done.refused.length > 0);
      }
    });
  view.append(form, el('section', { class: 'panel', 'aria-label': '导入问题清单' }, el('h2', {}, '批量交办'), imports));

  async function leaders(code) {
    const answer = code && await attempt(() => call(query('/assessment/persons', { unit: code, size: 100 })));
    const held = (answer?.items ?? []).flatMap((person) => person.appointments
      .filter((a) => a.current && a.unit === code).map((a) => [person.id, person.name + '（' + a.postLabel + '）']));
    leader.replaceChildren(el('option', { value: '' }, held.length ? '（不指定）' : '（该单位没有在册领导）'),
      ...held.map(([id, label]) => el('option', { value: id }, label)));
  }
}

/** The file's SHA-256 in hex; over plain http to another host, where browsers offer no digest, a one-off key. */
async function digest(file) {
  if (!crypto.subtle) {
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
