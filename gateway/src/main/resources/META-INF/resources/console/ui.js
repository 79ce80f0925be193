// What every console page is built from: elements, tables with an empty state, pages of a list, forms, charts and
// downloads. Text goes in as text (textContent), never as HTML.
import { api } from '/web/auth.js';
import { problemText } from '/web/page.js';

/** An element with attributes (on… ones become listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** A refusal or failure of the API, in the words of its RFC 9457 problem. */
export class Problem extends Error {
}

/** The answer's JSON; a problem answer throws its words for the user (its title) as a Problem. */
export async function call(path, method = 'GET', body = undefined) {
  const options = { method };
  if (body !== undefined) {
    options.headers = { 'Content-Type': 'application/json' };
    options.body = JSON.stringify(body);
  }
  return answer(await api(path, options));
}

/** A file of the person's sent as the request's body (an .xlsx workbook, or CSV by its name); the JSON answer. */
export async function upload(path, file, headers = {}) {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv'
    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return answer(await api(path, { method: 'POST', headers: { 'Content-Type': type, ...headers }, body: file }));
}

/**
 * A sheet's import: a file picker and whether the rows without fault go in while the faulty are listed (otherwise
 * a sheet with one faulty row imports nothing); `send(file, validOnly)` makes the request and says what it did.
 */
export function sheetImport(label, send) {
  const validOnly = el('input', { type: 'checkbox', name: 'validOnly' });
  const file = el('input', { type: 'file', name: 'sheet', accept: '.xlsx,.csv', onchange: async () => {
    if (file.files[0]) {
      await send(file.files[0], validOnly.checked);
    }
    file.value = '';
  } });
  return el('div', { class: 'filters' }, field(label, file),
    el('label', { class: 'field check' }, validOnly, '只导入无误的行，有误的行列出'));
}

/** The refused rows of an import, as the person reads them: 第 3 行 编码（…） */
export function refusedRows(refused) {
  return refused.map((e) => e.field.replace(/^row (\d+) /, '第 $1 行 ') + '（' + e.message + '）').join('；');
}

async function answer(response) {
  if (!response.ok) {
    throw new Problem(await problemText(response));
  }
  return response.status === 204 ? null : response.json();
}

/** The API's path with its query, leaving out empty parameters. */
export function query(path, parameters) {
  const search = new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  return search.size ? path + '?' + search : path;
}

/** The page's status line: what happened, or (error) what went wrong. */
export function say(text, error = false) {
  const line = document.getElementById('message');
  line.textContent = text;
  line.classList.toggle('error', error);
  line.classList.toggle('hidden', !text);
}

/** Runs an action of a page, saying its problem when the API refuses it. */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    say(e instanceof Problem ? e.message : '操作失败：' + e.message, true);
    return undefined;
  }
}

/**
 * A table of rows: columns are [title, row => text or element]; without rows, the empty state says what to do next.
 */
export function table(columns, rows, empty, onOpen) {
  if (rows.length === 0) {
    return el('p', { class: 'empty' }, empty);
  }
  return el('table', { class: 'list' },
    el('thead', {}, el('tr', {}, columns.map(([title]) => el('th', { scope: 'col' }, title)))),
    el('tbody', {}, rows.map((row) => el('tr', onOpen ? { tabindex: '0', class: 'opens', onclick: () => onOpen(row),
      onkeydown: (event) => opens(event) && onOpen(row) } : {},
    columns.map(([, value]) => el('td', {}, cell(value(row))))))));
}

/** Enter or Space, as on a button (Space would otherwise scroll the page). */
function opens(event) {
  if (event.key !== 'Enter' && event.key !== ' ') {
    return false;
  }
  event.preventDefault();
  return true;
}

function cell(value) {
  return value === null || value === undefined || value === '' ? '—' : value;
}

/**
 * "第 2 / 5 页，共 93 条" with the previous and next buttons of a page answer, or "第 2 页，超过 10,000 条" where the
 * service stopped counting; nothing for an empty one.
 */
export function pager(answer, go) {
  if (answer.total === 0) {
    return new DocumentFragment(); // the empty state says it all
  }
  const pages = Math.max(1, Math.ceil(answer.total / answer.size));
  const counted = answer.totalExact === false
    ? `第 ${answer.page + 1} 页，超过 ${answer.total.toLocaleString('zh-CN')} 条`
    : `第 ${answer.page + 1} / ${pages} 页，共 ${answer.total} 条`;
  return el('div', { class: 'pager' },
    el('button', { type: 'button', disabled: answer.page === 0, onclick: () => go(answer.page - 1) }, '上一页'),
    el('span', {}, counted),
    el('button', { type: 'button', disabled: answer.totalExact !== false && answer.page + 1 >= pages, onclick: () => go(answer.page + 1) }, '下一页'));
}

/**
 * Asks before a step that cannot be undone (publish, lock, announce, close, seal): true once the person confirms;
 * cancelling, Esc or closing the dialog answer false.
 */
export function confirmed(question, consequence) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-question', 'aria-describedby': 'confirm-consequence' },
      el('p', { id: 'confirm-question', class: 'question' }, question),
      el('p', { id: 'confirm-consequence' }, consequence),
      el('form', { method: 'dialog', class: 'actions' },
        el('button', { value: 'yes' }, '确定'), el('button', { value: 'no', class: 'plain', autofocus: true }, '取消')));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A labelled field: a label around its control, so that every input has its name. */
export function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

/** A select of code → label, with an optional first choice standing for "any". */
export function select(name, labels, any, chosen) {
  return el('select', { name },
    any === undefined ? [] : [el('option', { value: '' }, any)],
    Object.entries(labels).map(([value, label]) => el('option', { value, selected: value === chosen }, label)));
}

/** The form's named values, trimmed, empty ones left out. */
export function values(form) {
  return Object.fromEntries([...new FormData(form).entries()]
    .map(([name, value]) => [name, typeof value === 'string' ? value.trim() : value])
    .filter(([, value]) => value !== ''));
}

/** A file of the API saved under its name (the request carries the token, so a plain link would not do). */
export async function download(path, fileName) {
  const response = await api(path);
  if (!response.ok) {
    throw new Problem(await problemText(response));
  }
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

let echarts;

/** An ECharts chart drawn as SVG (crisp in print, its labels readable by tests and screen readers). */
export async function chart(container, option) {
  echarts ??= await import('/_static/echarts/5.5.1/dist/echarts.esm.min.js');
  const drawn = echarts.init(container, null, { renderer: 'svg', locale: 'ZH' });
  drawn.setOption({ textStyle: { fontFamily: 'inherit' }, animation: false, ...option });
  return drawn;
}

export const percent = (value) => value === null || value === undefined ? '—' : Number(value).toFixed(1) + '%';
export const dateTime = (instant) => instant ? new Date(instant).toLocaleString('zh-CN', { hour12: false }) : '—';
