// A unit leader's phone page: the unit's rectification to-do list with the three-colour warnings, a plan or a
// report submitted with a photo as evidence; the leaders' duty records 履责纪实, made with a photo; and the unit's
// dashboard (result, rank, open items, trend).
import { api, login, signIn } from '/web/auth.js';
import { $, problemText, show } from '/web/page.js';

const WARNING = { GREEN: '绿', YELLOW: '黄', RED: '红' };
// in order of preference: an item that needs no plan (即知即改, 立行立改) offers both, and is simply reported
const STEPS = {
  SUBMIT_REPORT: { path: 'report', label: '整改完成情况', button: '提交整改报告', body: (text) => ({ text }) },
  SUBMIT_PLAN: { path: 'plan', label: '整改措施', button: '提交整改方案', body: (text) => ({ measures: text }) },
};
let unit;

async function start() {
  const user = await signIn();
  if (!user) {
    show('请先登录（单位账号，统一身份认证）。');
    $('login').classList.remove('hidden');
    $('login').addEventListener('click', login);
    return;
  }
  unit = user.org_path.split('/').pop();
  $('who').textContent = (user.name || user.preferred_username) + ' · ' + unit;
  $('tabs').classList.remove('hidden');
  document.querySelectorAll('#tabs button').forEach((tab) => tab.addEventListener('click', () => open(tab.dataset.tab)));
  await open('todo');
}

async function open(tab) {
  document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  ['todo', 'records', 'dashboard'].forEach((name) => $(name).classList.toggle('hidden', tab !== name));
  $('message').classList.add('hidden');
  await ({ todo, records, dashboard })[tab]();
}

/** Open items of the unit, the ones waiting for the unit first, nearest deadline first. */
async function todo() {
  const response = await api('/rectification/ledger?size=200');
  if (!response.ok) {
    show(await problemText(response), true);
    return;
  }
  const items = (await response.json()).items.filter((item) => item.warning);
  const waiting = (item) => item.allowedSteps.some((step) => STEPS[step]) ? 0 : 1;
  items.sort((a, b) => waiting(a) - waiting(b) || a.deadline.localeCompare(b.deadline));
  $('todo').replaceChildren(...items.map(card));
  if (items.length === 0 && !$('todo').classList.contains('hidden')) { // not once the leader moved to another tab
    show('没有待办的整改事项。');
  }
}

function card(item) {
  const node = $('item').content.firstElementChild.cloneNode(true);
  node.dataset.item = item.id;
  node.classList.add('warning-' + item.warning.toLowerCase());
  node.querySelector('.number').textContent = item.number + ' · ' + item.stateLabel;
  const badge = node.querySelector('.badge');
  badge.textContent = item.overdue ? '已逾期' : WARNING[item.warning] + '色预警';
  badge.classList.add(item.warning.toLowerCase());
  node.querySelector('.problem').textContent = item.problem;
  node.querySelector('.meta').textContent = '整改时限 ' + item.deadline
      + (item.overdue ? '，已逾期 ' + -item.daysLeft + ' 天' : '，还剩 ' + item.daysLeft + ' 天') + ' · ' + item.timingLabel;
  const step = Object.keys(STEPS).filter((name) => item.allowedSteps.includes(name)).map((name) => STEPS[name])[0];
  if (step) {
    const form = node.querySelector('form');
    form.querySelector('.label').textContent = step.label;
    form.querySelector('button').textContent = step.button;
    form.classList.remove('hidden');
    form.addEventListener('submit', (event) => submit(event, item, step));
  }
  return node;
}

/** The photo first (evidence), then the plan or report that it supports. */
async function submit(event, item, step) {
  event.preventDefault();
  const form = event.target;
  const error = form.querySelector('.error');
  const text = form.elements.text.value.trim();
  if (!text) {
    error.textContent = '请填写' + step.label;
    error.classList.remove('hidden');
    return;
  }
  form.querySelector('button').disabled = true;
  const photo = form.elements.photo.files[0];
  if (photo) {
    const upload = new FormData();
    upload.append('file', photo);
    const stored = await api('/rectification/items/' + item.id + '/evidence', { method: 'POST', body: upload });
    if (!stored.ok) {
      return failed(form, await problemText(stored));
    }
  }
  const response = await api('/rectification/items/' + item.id + '/' + step.path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(step.body(text)),
  });
  if (!response.ok) {
    return failed(form, await problemText(response));
  }
  await todo();
  show(step.button.replace('提交', '') + '已提交：' + item.number);
}

function failed(form, text) {
  form.querySelector('button').disabled = false;
  form.querySelector('.error').textContent = text;
  form.querySelector('.error').classList.remove('hidden');
}

const today = () => new Date().toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' }); // YYYY-MM-DD

/** The form for a new record (the unit's leaders in office, the kinds it may record) and this year's records. */
async function records() {
  const form = $('record');
  if (!form.dataset.ready) {
    const [persons, kinds] = await Promise.all([api('/assessment/persons?unit=' + unit + '&size=200'),
      api('/assessment/duty-records/kinds')]);
    if (!persons.ok || !kinds.ok) {
      show(await problemText(persons.ok ? kinds : persons), true);
      return;
    }
    const leaders = (await persons.json()).items.flatMap((person) => person.appointments
        .filter((held) => held.unit === unit && held.current)
        .map((held) => option(person.id, person.name + '（' + held.postLabel + '）')));
    form.elements.personId.replaceChildren(...leaders);
    form.elements.kind.replaceChildren(...(await kinds.json()).map((kind) => option(kind.code, kind.name)));
    form.elements.happenedOn.value = today();
    form.elements.personId.addEventListener('change', () => listDuties(form));
    await listDuties(form);
    form.addEventListener('submit', saveRecord);
    form.dataset.ready = 'yes';
  }
  await listRecords();
}

/** The chosen leader's responsibility list of the year, for the record to name the duty it fulfils. */
async function listDuties(form) {
  const none = option('', '（不关联）');
  const person = form.elements.personId.value;
  const response = person && await api('/assessment/duties?person=' + person + '&year=' + today().slice(0, 4)
      + '&size=200');
  const duties = response && response.ok ? (await response.json()).items : [];
  if (form.elements.personId.value !== person) {
    return; // another leader was chosen while this list loaded
  }
  form.elements.dutyId.replaceChildren(none, ...duties.map((duty) => option(duty.id,
      duty.title + (duty.task ? '（' + duty.task.number + '）' : ''))));
}

async function listRecords() {
  const response = await api('/assessment/duty-records?unit=' + unit + '&year=' + today().slice(0, 4) + '&size=100');
  if (!response.ok) {
    show(await problemText(response), true);
    return;
  }
  $('record-list').replaceChildren(...(await response.json()).items.map((record) => {
    const li = document.createElement('li');
    li.dataset.record = record.id;
    li.textContent = record.happenedOn + ' · ' + record.personName + ' · ' + record.kindName
        + (record.late ? '（补录）' : '') + ' · ' + record.summary
        + (record.fulfils ? ' · 履行：' + record.fulfils.title : '')
        + (record.evidence.length ? ' · 照片 ' + record.evidence.length : '');
    return li;
  }));
}

/**
 * The record first, then its photo as evidence. A record saved whose photo did not go up is kept in
 * {@code form.dataset.saved}: sending again uploads the photo to it, and never records it twice.
 */
async function saveRecord(event) {
  event.preventDefault();
  const form = event.target;
  form.querySelector('button').disabled = true;
  let record = form.dataset.saved ? JSON.parse(form.dataset.saved) : null;
  if (!record) {
    const values = Object.fromEntries(['personId', 'kind', 'dutyId', 'happenedOn', 'summary', 'lateReason']
        .map((name) => [name, form.elements[name].value.trim()]).filter(([, value]) => value));
    if (!values.personId || !values.summary) {
      return failed(form, values.personId ? '请填写内容摘要' : '本单位尚无在任领导，请联系上级党委登记');
    }
    if (form.elements.participants.value) {
      values.participants = Number(form.elements.participants.value);
    }
    const response = await api('/assessment/duty-records', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(values),
    });
    if (!response.ok) {
      return failed(form, await problemText(response));
    }
    record = await response.json();
  }
  const photo = form.elements.photo.files[0];
  if (photo) {
    const upload = new FormData();
    upload.append('file', photo);
    const stored = await api('/assessment/duty-records/' + record.id + '/evidence', { method: 'POST', body: upload });
    if (!stored.ok) {
      form.dataset.saved = JSON.stringify({ id: record.id, kindName: record.kindName, late: record.late });
      await listRecords();
      return failed(form, '纪实已保存，照片未上传：' + await problemText(stored) + '。请重新选择照片后再次提交。');
    }
  }
  delete form.dataset.saved;
  form.querySelector('button').disabled = false;
  form.querySelector('.error').classList.add('hidden');
  ['summary', 'lateReason', 'participants', 'photo', 'dutyId'].forEach((name) => { form.elements[name].value = ''; });
  await listRecords();
  show('纪实已保存：' + record.kindName + (record.late ? '（补录）' : ''));
}

function option(value, text) {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  return node;
}

/** The latest announced result, the rectification figures, and the results of earlier years. */
async function dashboard() {
  const schemes = (await (await api('/assessment/schemes?size=10')).json()).items;
  const results = [];
  for (const scheme of schemes) {
    const response = await api('/assessment/schemes/' + scheme.id + '/results/' + unit);
    if (response.ok) {
      results.push({ year: scheme.year, title: scheme.title, ...(await response.json()).result });
    }
  }
  const latest = results[0];
  $('result').replaceChildren(line(latest
      ? latest.year + ' 年度：' + latest.total + ' 分，' + latest.grade + '，排名第 ' + latest.rank
      : '本年度考核结果尚未公布。'));
  const figures = (await (await api('/rectification/ledger/figures?unit=' + unit)).json())
      .find((f) => f.unit === unit);
  $('figures').replaceChildren(...(figures
      ? [line('未完成 ' + figures.open + ' 项，其中逾期 ' + figures.overdue + ' 项'),
        line('已销号 ' + figures.closed + ' 项，按期完成率 ' + percent(figures.onTimeRate)),
        line('回头看重新整改 ' + figures.reopened + ' 项')]
      : [line('没有整改事项。')]));
  $('trend').tBodies[0].replaceChildren(...results.map((r) => {
    const row = document.createElement('tr');
    [r.year, r.total, r.grade, r.rank].forEach((value) => {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    });
    return row;
  }));
}

const percent = (rate) => rate == null ? '—' : Math.round(rate * 100) + '%';

function line(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

start().catch(() => show('网络错误，请稍后重试。', true));
