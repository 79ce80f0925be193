// 问责决定: the discipline commission finds an item by words of its problem, its number or its leader, reads the
// decisions on it and records one about a person who holds or held a post in the item's unit (or someone named
// outside the registry), with its disposition; one that imposes nothing (容错免责, 澄清正名, 予以了结) says why.
import { DISPOSITION } from '../labels.js';
import { attempt, call, dateTime, el, field, query, say, select, table, values } from '../ui.js';

export async function render(view, context) {
  const p = context.params;
  const search = el('form', { class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    context.go('accountability', { q: values(search).q });
  } },
  field('查找整改事项（问题、编号或责任人）', el('input', { name: 'q', type: 'search', required: true, maxlength: 100, value: p.get('q') ?? '' })),
  el('button', { type: 'submit' }, '查找'));
  view.append(search);
  if (p.get('item')) {
    await decisions(view, context, p.get('item'));
  } else if (p.get('q')) {
    const answer = await attempt(() => call(query('/rectification/ledger', { q: p.get('q'), size: 50 })));
    if (answer) {
      view.append(table([['编号', (i) => i.number], ['责任单位', (i) => i.unitName ?? i.unit], ['问题', (i) => i.problem],
        ['责任人', (i) => i.responsibleLeader], ['状态', (i) => i.stateLabel]],
      answer.items, '没有找到整改事项，换个词试试。', (i) => context.go('accountability', { q: p.get('q'), item: i.id })));
    }
  } else {
    view.append(el('p', { class: 'empty' }, '输入问题的关键词、事项编号或责任人姓名，找到要作出问责决定的整改事项。'));
  }
}

async function decisions(view, context, id) {
  const base = '/rectification/items/' + encodeURIComponent(id);
  const found = await attempt(() => call(base));
  const made = found && await attempt(() => call(base + '/accountability'));
  if (!made) {
    return;
  }
  const { item } = found;
  // anyone who holds or held a post in the item's unit may be named; the API checks it
  const persons = await attempt(() => call(query('/assessment/persons', { unit: item.unit, size: 100 })));
  const held = (persons?.items ?? []).flatMap((person) => person.appointments.filter((a) => a.unit === item.unit)
    .map((a) => ({ id: person.id, label: `${person.name}（${a.postLabel}${a.current ? '' : '，已离任'}）`, post: a.postLabel })));
  const person = el('select', { name: 'personId', onchange: () => {
    form.elements.post.value = held.find((h) => h.id === person.value)?.post ?? '';
  } }, el('option', { value: '' }, held.length ? '（名册外人员，在右侧填写姓名）' : '（该单位没有在册领导）'),
  held.map((h) => el('option', { value: h.id }, h.label)));
  const form = el('form', { class: 'panel', 'aria-label': '作出问责决定', onsubmit: async (event) => {
    event.preventDefault();
    const decided = await attempt(() => call(base + '/accountability', 'POST', values(form)));
    if (decided) {
      say(`已记录问责决定：${decided.person} · ${decided.dispositionLabel}。`);
      await context.reload();
    }
  } },
  el('h2', {}, '作出问责决定'),
  el('div', { class: 'filters' },
    field('被问责人（在册领导）', person),
    field('或：名册外人员姓名', el('input', { name: 'person', maxlength: 100 })),
    field('职务', el('input', { name: 'post', maxlength: 200 })),
    field('处理', select('disposition', DISPOSITION, undefined, 'FIRST_FORM'))),
  el('div', { class: 'filters' },
    field('理由（容错免责、澄清正名、予以了结须写明）', el('textarea', { name: 'justification', rows: 3, maxlength: 4000 })),
    el('button', { type: 'submit' }, '记录决定')));
  view.append(el('section', { class: 'panel', 'aria-label': '整改事项 ' + item.number },
    el('h2', {}, `${item.number} · ${item.unitName ?? item.unit}`),
    el('p', {}, item.problem),
    table([['决定时间', (d) => dateTime(d.decidedAt)], ['被问责人', (d) => d.person + (d.personOutsideRegistry ? '（名册外）' : '')],
      ['职务', (d) => d.post], ['处理', (d) => d.dispositionLabel], ['理由', (d) => d.justification], ['决定人', (d) => d.decidedBy]],
    made, '这个事项还没有问责决定。')), form);
}
