// OA 推送订阅: the webhook subscriptions of the person's scope, each pushing the chosen events to an OA system's URL,
// signed with a secret shown once; a new one subscribed, a secret replaced, a subscription ended (both asked first).
import { EVENT } from '../labels.js';
import { attempt, call, confirmed, dateTime, el, field, pager, say, table, values } from '../ui.js';

export async function render(view, context) {
  const page = Number(context.params.get('page') ?? 0);
  const answer = await attempt(() => call(`/webhooks/subscriptions?size=20&page=${page}`));
  if (!answer) {
    return;
  }
  const events = (s) => [...s.eventTypes].map((type) => EVENT[type] ?? type).join('、');
  view.append(table([
    ['接收地址', (s) => s.url], ['推送事件', events], ['说明', (s) => s.description], ['状态', (s) => s.active ? '推送中' : '已停止'],
    ['创建', (s) => s.createdBy + ' · ' + dateTime(s.createdAt)],
    ['', (s) => s.active ? el('span', { class: 'actions' },
      el('button', { type: 'button', class: 'plain', onclick: () => rotate(s) }, '更换密钥'),
      el('button', { type: 'button', class: 'plain', onclick: () => end(s) }, '停止推送')) : ''],
  ], answer.items, '还没有推送订阅：在下面填写 OA 系统的接收地址和要推送的事件。'),
  pager(answer, (to) => context.go('subscriptions', { page: to })));

  const form = el('form', { class: 'panel', 'aria-label': '新建推送订阅', onsubmit: async (event) => {
    event.preventDefault();
    const v = values(form);
    const eventTypes = [...form.querySelectorAll('input[name=eventType]:checked')].map((box) => box.value);
    const created = await attempt(() => call('/webhooks/subscriptions', 'POST', { url: v.url, description: v.description, eventTypes }));
    if (created) {
      say(`已订阅：${created.url}。${shown(created)}`);
      await context.reload();
    }
  } },
  el('h2', {}, '新建推送订阅'),
  el('div', { class: 'filters' },
    field('接收地址', el('input', { name: 'url', type: 'url', required: true, maxlength: 2000, size: 50 })),
    field('说明', el('input', { name: 'description', maxlength: 200 }))),
  el('fieldset', {}, el('legend', {}, '推送事件'), el('div', { class: 'filters' },
    Object.entries(EVENT).map(([type, label]) => el('label', { class: 'field check' },
      el('input', { type: 'checkbox', name: 'eventType', value: type }), label)))),
  el('button', { type: 'submit' }, '订阅'));
  view.append(form);

  /** The signing secret, in the status line this once: the OA system checks each push's signature with it. */
  const shown = (subscription) => `签名密钥（只显示这一次，请交给 OA 系统保存）：${subscription.secret}`;

  async function rotate(s) {
    if (!await confirmed('更换“' + s.url + '”的签名密钥？', '此后的推送用新密钥签名，OA 系统须同时换用新密钥，否则将拒收。')) {
      return;
    }
    const rotated = await attempt(() => call(`/webhooks/subscriptions/${s.id}/secret`, 'POST'));
    if (rotated) {
      say(`已更换签名密钥：${s.url}。${shown(rotated)}`);
    }
  }

  async function end(s) {
    if (!await confirmed('停止向“' + s.url + '”推送？', '不再推送新的事件，待投递和投递失败的推送一并取消。')) {
      return;
    }
    const ended = await attempt(async () => {
      await call(`/webhooks/subscriptions/${s.id}`, 'DELETE'); // 204: no body
      return true;
    });
    if (ended) {
      say('已停止推送：' + s.url);
      await context.reload();
    }
  }
}
