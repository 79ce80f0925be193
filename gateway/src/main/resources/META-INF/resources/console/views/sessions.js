// 述职评议: the organizer defines a session over the units below theirs, issues one-time codes and prints their
// slips (each code once, on its own slip with its QR symbol), opens and closes the voting, and seals the count; a
// teller enters the paper ballots between closing and sealing; everyone entitled reads the sealed results.
import { attempt, call, chart, confirmed, dateTime, download, el, field, say, select, table, values } from '../ui.js';

const STATE = { DRAFT: '未开始', OPEN: '投票中', CLOSED: '已结束投票', SEALED: '已封存' };
/** what the person is asked before a step that cannot be undone */
const ASK = { close: '结束后不能再用投票码投票；纸质票由计票人在封存前录入。',
  seal: '封存后计票结果确定、票箱摘要生成，不能再录入或更改任何选票。' };
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

export async function render(view, context) {
  const id = context.params.get('session');
  if (id) {
    await session(view, context, id);
    return;
  }
  const answer = await attempt(() => call('/ballots/sessions?size=100'));
  if (!answer) {
    return;
  }
  view.append(table([['会议', (s) => s.title], ['日期', (s) => s.date], ['年度', (s) => s.year], ['状态', (s) => STATE[s.state]]],
    answer.items, '还没有述职评议会议：在下面定义第一次会议。', (s) => context.go('sessions', { session: s.id })));
  if (context.roles.includes('organizer') || context.roles.includes('admin')) {
    await define(view, context);
  }
}

/** One category of subjects: units directly below the person's unit, each ticked to be evaluated. */
async function define(view, context) {
  const below = await attempt(() => call('/assessment/org-units/' + encodeURIComponent(context.unitCode) + '/children')) ?? [];
  const form = el('form', { class: 'panel', 'aria-label': '定义述职评议会议', onsubmit: async (event) => {
    event.preventDefault();
    const v = values(form);
    const subjects = [...form.querySelectorAll('input[name=subject]:checked')].map((box) => ({ unit: box.value }));
    const created = await attempt(() => call('/ballots/sessions', 'POST', { orgUnit: context.unitCode, title: v.title,
      date: v.date, year: Number(v.year), categories: [{ code: 'c1', name: v.category, subjects,
        ...(v.topRatio ? { topRatio: Number(v.topRatio) } : {}) }] }));
    if (created) {
      context.go('sessions', { session: created.id });
    }
  } },
  el('h2', {}, '定义述职评议会议'),
  el('div', { class: 'filters' },
    field('会议名称', el('input', { name: 'title', required: true, maxlength: 200, value: new Date().getFullYear() + '年度述职评议' })),
    field('日期', el('input', { name: 'date', type: 'date', required: true, value: today() })),
    field('考核年度', el('input', { name: 'year', type: 'number', required: true, min: 2000, max: 2100, value: new Date().getFullYear() })),
    field('类别名称', el('input', { name: 'category', required: true, maxlength: 100, value: '下级党委' })),
    field('“好”等次比例上限（如 0.5，可不填）', el('input', { name: 'topRatio', type: 'number', step: '0.05', min: '0.05', max: '1' }))),
  el('fieldset', {}, el('legend', {}, '评议对象'),
    below.length ? below.map((unit) => el('label', { class: 'field check' },
      el('input', { type: 'checkbox', name: 'subject', value: unit.code, checked: true }), unit.name))
      : el('p', {}, '本单位没有下级单位可评议。')),
  el('button', { type: 'submit' }, '保存会议'));
  view.append(form);
}

async function session(view, context, id) {
  const base = '/ballots/sessions/' + encodeURIComponent(id);
  const s = await attempt(() => call(base));
  if (!s) {
    return;
  }
  const types = Object.fromEntries(s.definition.ballotTypes.map((t) => [t.code, t.name]));
  const step = (path, label) => el('button', { type: 'button', onclick: async () => {
    if (ASK[path] && !await confirmed(label + '：' + s.title + '？', ASK[path])) {
      return;
    }
    if (await attempt(() => call(base + '/' + path, 'POST'))) {
      say(s.title + '：已' + label + '。');
      await context.reload();
    }
  } }, label);
  view.append(el('section', { class: 'panel', 'aria-label': '会议' },
    el('h2', {}, s.title + '（' + STATE[s.state] + '）'),
    el('dl', { class: 'facts' }, el('dt', {}, '日期'), el('dd', {}, s.date), el('dt', {}, '考核年度'), el('dd', {}, String(s.year)),
      s.definition.categories.flatMap((c) => [el('dt', {}, c.name), el('dd', {}, c.subjects.map((x) => x.name).join('、')
        + (c.topRatio ? `（“${s.definition.scale[0].label}”不超过 ${Math.round(c.topRatio * 100)}%）` : ''))])),
    el('div', { class: 'actions' },
      el('a', { href: '#/sessions' }, '← 全部会议'),
      s.state === 'DRAFT' ? step('open', '开始投票') : null,
      s.state === 'OPEN' ? step('close', '结束投票') : null,
      s.state === 'CLOSED' ? step('seal', '封存计票') : null,
      s.state === 'DRAFT' || s.state === 'OPEN'
        ? el('a', { href: '#/turnout?session=' + encodeURIComponent(id) }, '投票进度（投影）') : null)));
  if (s.state === 'DRAFT' || s.state === 'OPEN') {
    view.append(codes(s, base, types), s.state === 'DRAFT' ? sheets(base, types) : '');
  }
  if (s.state === 'CLOSED') {
    view.append(paper(s, base, types));
  }
  if (s.state === 'SEALED') {
    await results(view, s, base);
  }
}

/** Codes are shown once: on the slips printed now, one code per slip, never again. */
function codes(s, base, types) {
  const slips = el('div', { class: 'slips' });
  const form = el('form', { class: 'panel filters', 'aria-label': '发放投票码', onsubmit: async (event) => {
    event.preventDefault();
    const v = values(form);
    const issued = await attempt(() => call(base + '/codes', 'POST', { ballotType: v.ballotType, count: Number(v.count) }));
    if (issued) {
      slips.replaceChildren(...issued.codes.map((c) => slip(s, types[c.ballotType], c)));
      say(`已生成 ${issued.codes.length} 张投票码：只显示这一次，请立即打印并沿虚线裁开。`);
      slips.scrollIntoView({ block: 'start' });
    }
  } },
  el('h2', {}, '发放投票码'),
  field('票型', select('ballotType', types)),
  field('张数', el('input', { name: 'count', type: 'number', min: 1, max: 5000, required: true, value: 10 })),
  el('button', { type: 'submit' }, '生成投票码'),
  el('button', { type: 'button', class: 'plain', onclick: () => window.print() }, '打印投票码'));
  return el('div', {}, form, slips);
}

function slip(s, typeName, c) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const quiet = 4; // the light margin a scanner needs around the symbol
  svg.setAttribute('viewBox', `${-quiet} ${-quiet} ${c.qrImage.size + 2 * quiet} ${c.qrImage.size + 2 * quiet}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', '投票二维码');
  const modules = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  modules.setAttribute('d', c.qrImage.path);
  svg.append(modules);
  return el('div', { class: 'slip' }, el('p', { class: 'slip-title' }, s.title), el('p', {}, typeName), svg,
    el('p', { class: 'code' }, c.code), el('p', { class: 'hint' }, '手机扫码投票；每个投票码只能投一次'));
}

/** Paper ballots to hand out in the hall, per type, recorded before voting opens: no more of a type can be entered. */
function sheets(base, types) {
  const form = el('form', { class: 'panel filters', 'aria-label': '纸质选票张数', onsubmit: async (event) => {
    event.preventDefault();
    const v = values(form);
    if (await attempt(() => call(base + '/paper-sheets', 'PUT', { ballotType: v.ballotType, count: Number(v.count) }))) {
      say(`已登记发出的纸质选票：${types[v.ballotType]} ${v.count} 张。`);
    }
  } }, el('h2', {}, '纸质选票'), field('票型', select('ballotType', types)),
  field('发出的纸质选票张数', el('input', { name: 'count', type: 'number', min: 0, max: 5000, required: true })),
  el('button', { type: 'submit' }, '登记张数'));
  return form;
}

/** The teller, between closing and sealing: each paper ballot as marked. */
function paper(s, base, types) {
  const grades = s.definition.scale.map((g) => g.label);
  const ballot = el('form', { 'aria-label': '录入纸质选票', onsubmit: async (event) => {
    event.preventDefault();
    const marks = [...ballot.querySelectorAll('select[data-subject]')].filter((choice) => choice.value)
      .map((choice) => ({ subject: choice.dataset.subject, grade: choice.value }));
    const receipt = await attempt(() => call(base + '/paper-ballots', 'POST', { ballotType: ballot.elements.ballotType.value, marks }));
    if (receipt) {
      say(receipt.status === 'VALID' ? '纸质选票已录入。' : '已作为废票录入：' + receipt.voidReason, receipt.status !== 'VALID');
      ballot.reset();
    }
  } },
  el('div', { class: 'filters' }, field('票型', select('ballotType', types))),
  s.definition.categories.map((c) => el('fieldset', {}, el('legend', {}, c.name), el('div', { class: 'filters' },
    c.subjects.map((x) => field(x.name, el('select', { 'data-subject': x.id },
      el('option', { value: '' }, '（未标记）'), grades.map((g) => el('option', { value: g }, g)))))))),
  el('button', { type: 'submit' }, '录入这张选票'));
  return el('section', { class: 'panel', 'aria-label': '纸质选票' }, el('h2', {}, '纸质选票逐张录入（计票人）'), ballot);
}

async function results(view, s, base) {
  const sealed = await attempt(() => call(base + '/results'));
  if (!sealed) {
    return;
  }
  const valid = Object.entries(sealed.tally.validBallots).map(([t, n]) => `${t} 票有效 ${n} 张`).join('，');
  const invalid = Object.entries(sealed.tally.voidBallots).map(([t, n]) => `${t} 票废票 ${n} 张`).join('，');
  view.append(el('section', { class: 'panel', 'aria-label': '评议结果' },
    el('h2', {}, '评议结果'),
    el('p', {}, `封存于 ${dateTime(sealed.sealedAt)}；${valid}${invalid ? '；' + invalid : ''}。`),
    el('p', {}, '票箱摘要（SHA-256）：', el('code', {}, sealed.digest)),
    el('p', {}, '复核：下载匿名票箱，逐张重新计票并计算摘要，与上面的摘要一致即票箱未被改动（方法见平台文档 docs/recount.md）。'),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'plain', onclick: () => attempt(() => download(base + '/results.xlsx', s.title + '-评议结果.xlsx')) }, '导出 Excel'),
      el('button', { type: 'button', class: 'plain', onclick: () => attempt(() => download(base + '/ballot-box.csv', s.title + '-票箱.csv')) }, '下载票箱（复核用）'))));
  for (const category of sealed.tally.categories) {
    const drawing = el('div', { class: 'chart', role: 'img', 'aria-label': category.name + ' 评议得分图' });
    view.append(el('h2', {}, category.name), el('div', { class: 'panel' }, drawing));
    await chart(drawing, {
      title: { text: category.name + ' · 加权得分', left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 60, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: category.subjects.map((x) => x.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: '得分' },
      series: [{ type: 'bar', data: category.subjects.map((x) => x.weightedTotal), itemStyle: { color: '#b71c1c' },
        label: { show: true, position: 'top' } }],
    });
    view.append(table([['名次', (x) => x.rank], ['评议对象', (x) => x.name], ['加权得分', (x) => x.weightedTotal],
      ...Object.keys(sealed.tally.validBallots).map((t) => [t + ' 票“' + s.definition.scale[0].label + '”率',
        (x) => x.byType[t]?.topShare === null || x.byType[t]?.topShare === undefined ? '—' : (x.byType[t].topShare * 100).toFixed(1) + '%'])],
    [...category.subjects].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)), ''));
  }
}
