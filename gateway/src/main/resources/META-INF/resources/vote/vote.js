// The 述职评议 voting page a one-time code's QR link opens (ballot.vote-url): the ballot form of
// GET /api/ballots/cast/{code}, the quota on the top grade counted live, a warning before a ballot that would be
// void (废票), and a receipt that shows nothing of the marks (a voter cannot prove them to anyone).
import { $, problemText, show } from '/web/page.js';

const code = new URLSearchParams(location.search).get('code');
// the code stays in memory only: out of the address bar and the history
history.replaceState(null, '', location.pathname);

let form;

async function load() {
  if (!code) {
    show('缺少投票码：请扫描选票上的二维码。', true);
    return;
  }
  const response = await fetch('/api/ballots/cast/' + encodeURIComponent(code));
  if (response.status === 404) {
    show('投票码无效。', true);
    return;
  }
  if (!response.ok) {
    show(await problemText(response), true);
    return;
  }
  form = await response.json();
  if (form.spent) {
    show('此投票码已经投过票，不能再次使用。', true);
    return;
  }
  if (form.state !== 'OPEN') {
    show(form.state === 'DRAFT' ? '评议尚未开始投票。' : '评议投票已经结束。', true);
    return;
  }
  render();
}

function render() {
  $('title').textContent = form.title;
  $('subtitle').textContent = form.date + ' · ' + form.ballotType + ' 票';
  const top = form.scale[0].label;
  const categories = $('categories');
  form.categories.forEach((category) => {
    const section = document.createElement('section');
    section.dataset.category = category.code;
    const heading = document.createElement('h2');
    heading.append(category.name);
    const quota = document.createElement('span');
    quota.className = 'quota';
    quota.id = 'quota-' + category.code;
    heading.append(quota);
    section.append(heading);
    category.subjects.forEach((subject) => {
      const row = document.createElement('div');
      row.className = 'subject';
      const name = document.createElement('div');
      name.className = 'name';
      name.textContent = subject.name;
      const grades = document.createElement('div');
      grades.className = 'grades';
      form.scale.forEach((grade) => {
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = category.code + '/' + subject.id;
        input.value = grade.label;
        input.dataset.subject = subject.id;
        input.dataset.category = category.code;
        input.addEventListener('change', () => { countTop(top); withdrawWarning(); });
        const text = document.createElement('span');
        text.textContent = grade.label;
        label.append(input, text);
        grades.append(label);
      });
      row.append(name, grades);
      section.append(row);
    });
    categories.append(section);
  });
  countTop(top);
  $('message').classList.add('hidden');
  $('ballot').classList.remove('hidden');
  $('ballot').addEventListener('submit', submit);
  $('back').addEventListener('click', withdrawWarning);
}

/** A changed mark (or 返回修改) needs a fresh check before the ballot goes. */
function withdrawWarning() {
  $('warning').classList.add('hidden');
  $('back').classList.add('hidden');
  $('submit').textContent = '提交选票';
}

function marked() {
  return [...document.querySelectorAll('#categories input:checked')];
}

/** "好 已选 9/11" per category, red once over the quota. */
function countTop(top) {
  form.categories.forEach((category) => {
    const tops = marked().filter((i) => i.dataset.category === category.code && i.value === top).length;
    const quota = $('quota-' + category.code);
    quota.textContent = top + ' 已选 ' + tops + '/' + category.topLimit;
    quota.classList.toggle('over', tops > category.topLimit);
  });
}

/** Why the ballot as marked would be void (or blanks abstain), in the words of the rules. */
function problems() {
  const top = form.scale[0].label;
  const found = [];
  form.categories.forEach((category) => {
    const tops = marked().filter((i) => i.dataset.category === category.code && i.value === top).length;
    if (tops > category.topLimit) {
      found.push('「' + category.name + '」评「' + top + '」' + tops + ' 个，超过限额 ' + category.topLimit + ' 个');
    }
  });
  const subjects = form.categories.reduce((n, c) => n + c.subjects.length, 0);
  const blanks = subjects - marked().length;
  if (blanks > 0) {
    found.push(blanks + ' 个评议对象未评' + (form.blankPolicy === 'ABSTAIN' ? '（视为弃权）' : ''));
  }
  const voids = found.length > 0 && (found.length > 1 || blanks === 0 || form.blankPolicy === 'INVALID');
  return { found, voids };
}

async function submit(event) {
  event.preventDefault();
  const warningShown = !$('warning').classList.contains('hidden');
  const check = problems();
  if (check.found.length > 0 && !warningShown) {
    $('warning-title').textContent = check.voids ? '按此提交，这张选票将作为废票：' : '请确认：';
    $('warning-list').replaceChildren(...check.found.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }));
    $('warning').classList.remove('hidden');
    $('back').classList.remove('hidden');
    $('submit').textContent = check.voids ? '仍然提交（废票）' : '确认提交';
    return;
  }
  $('submit').disabled = true;
  const marks = marked().map((input) => ({ subject: input.dataset.subject, grade: input.value }));
  const response = await fetch('/api/ballots/cast', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ sessionId: form.sessionId, code, marks }),
  });
  if (!response.ok) {
    $('submit').disabled = false;
    show(response.status === 409 ? '此投票码已经投过票，不能再次使用。' : await problemText(response), true);
    return;
  }
  // nothing of the marks stays on the page
  $('ballot').remove();
  form = null;
  $('message').classList.add('hidden');
  $('receipt').classList.remove('hidden');
}

load().catch(() => show('网络错误，请稍后重试。', true));
