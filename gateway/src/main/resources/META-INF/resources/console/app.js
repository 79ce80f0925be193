// The committee's console: one page, a menu of what the signed-in person's roles work on, each entry a view module.
// The menu is a convenience, never a rule: every view calls the public API with the person's own token, and the API
// alone decides what they may read and do (a refusal is shown in its own words).
import { login, logout, signIn } from '/web/auth.js';
import { call, el, query, say } from './ui.js';

const ROLE = { admin: '系统管理员', organizer: '组织部', reviewer: '考核部门', inspector: '巡察', discipline: '纪委',
  teller: '计票人', 'unit-leader': '单位负责人', voter: '投票人' };
const MENU = [
  { title: '考核', roles: ['organizer', 'admin'], views: [['units', '组织机构'], ['design', '方案设计'], ['progress', '填报进度'], ['results', '考核结果'], ['gradient', '压力传导']] },
  { title: '评分', roles: ['reviewer'], views: [['review', '待评分']] },
  { title: '整改', roles: ['organizer', 'inspector', 'admin'], views: [['ledger', '整改台账'], ['issue', '交办问题'],
    ['figures', '整改统计']] },
  { title: '述职评议', roles: ['organizer', 'teller', 'admin'], views: [['sessions', '评议会议']] },
  { title: '纪检', roles: ['discipline'], views: [['clues', '问题线索'], ['accountability', '问责决定']] },
  { title: '系统', roles: ['admin'], views: [['audit', '审计记录'], ['subscriptions', 'OA 推送订阅'], ['deliveries', '推送失败']] },
];
/** Views reached from another view, not from the menu. */
const INNER = { turnout: '投票进度' };
let context;
/** set when a view moves to another after an action: the message saying what it did stays */
let keepMessage = false;

async function start() {
  const returning = new URLSearchParams(location.search);
  const user = await signIn();
  if (!user) {
    if (!returning.has('code') && !returning.has('error')) {
      await login(); // the console has nothing to show anyone signed out
      return;
    }
    say('登录未完成' + (returning.get('error') ? '（' + returning.get('error') + '）' : '') + '，请重新登录。', true);
    document.getElementById('login').classList.remove('hidden');
    document.getElementById('login').addEventListener('click', login);
    return;
  }
  const roles = user.realm_access?.roles ?? [];
  let unitCode = (user.org_path || '').split('/').pop();
  if (!unitCode) { // an account bound to the root starts from the top unit of the registry
    const first = await call('/assessment/org-units?size=1').catch(() => null);
    unitCode = first?.items[0]?.path.split('/')[1] ?? '';
  }
  context = { user, roles, unitCode, unitName: unitCode };
  const menu = MENU.filter((group) => group.roles.some((role) => roles.includes(role)));
  document.getElementById('menu').replaceChildren(...menu.map((group) => el('section', {},
    el('h2', {}, group.title),
    el('ul', {}, group.views.map(([path, title]) => el('li', {}, el('a', { href: '#/' + path, 'data-view': path }, title)))))));
  document.getElementById('menu').classList.remove('hidden');
  document.getElementById('logout').classList.remove('hidden');
  document.getElementById('logout').addEventListener('click', logout);
  try {
    context.unitName = (await call('/assessment/org-units/' + unitCode)).name;
  } catch (e) {
    // the unit's code stands in for its name
  }
  document.getElementById('who').textContent = (user.name || user.preferred_username) + ' · ' + context.unitName + ' · '
      + roles.filter((role) => ROLE[role]).map((role) => ROLE[role]).join('、');
  if (menu.length === 0) {
    say('您的账号没有工作台的功能。单位负责人请使用手机端 /m。');
    return;
  }
  window.addEventListener('hashchange', () => {
    show(keepMessage);
    keepMessage = false;
  });
  if (!location.hash) {
    history.replaceState(null, '', '#/' + menu[0].views[0][0]);
  }
  await show();
}

/**
 * The view the address names, with the address's parameters (#/ledger?state=PLAN_SUBMITTED); a view redrawn after
 * an action keeps the message that says what it did.
 */
async function show(keep = false) {
  const [path, search] = location.hash.slice(2).split('?');
  const link = document.querySelector(`#menu a[data-view="${CSS.escape(path)}"]`);
  document.querySelectorAll('#menu a').forEach((a) => a.toggleAttribute('aria-current', a === link));
  // each showing draws into a container of its own: a view still loading when the address changes draws into a
  // container no longer on the page
  const view = el('div');
  document.getElementById('view').replaceChildren(view);
  if (!keep) {
    say('');
  }
  const title = link?.textContent ?? INNER[path];
  if (!title) {
    view.append(el('p', { class: 'empty' }, '请从左侧菜单选择功能。'));
    return;
  }
  document.title = title + ' · 党建责任考评';
  const started = performance.now();
  view.append(el('h1', {}, title));
  const module = await import('./views/' + path + '.js');
  await module.render(view, { ...context, params: new URLSearchParams(search || ''), reload: () => show(true),
    go: (to, parameters = {}, keep = false) => {
      keepMessage = keep;
      location.hash = query('#/' + to, parameters);
    } });
  if (!view.isConnected) {
    return; // another view took its place meanwhile
  }
  document.getElementById('main').focus({ preventScroll: true });
  // how long the view took to show, data and charts included (read by the console benchmark, docs/benchmarks.md)
  performance.measure('view ' + path, { start: started });
}

start();
