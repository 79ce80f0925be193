// 推送失败: webhook deliveries to OA systems that failed every retry (parked), each replayed by hand once the
// receiver is fixed; the other states can be looked at too.
import { DELIVERY_STATE, EVENT } from '../labels.js';
import { attempt, call, dateTime, el, field, pager, say, select, table } from '../ui.js';

export async function render(view, context) {
  const state = DELIVERY_STATE[context.params.get('state')] ? context.params.get('state') : 'PARKED';
  const page = Number(context.params.get('page') ?? 0);
  const picker = select('state', DELIVERY_STATE, undefined, state);
  picker.addEventListener('change', () => context.go('deliveries', { state: picker.value }));
  view.append(el('div', { class: 'filters' }, field('投递状态', picker)));
  const answer = await attempt(() => call(`/webhooks/deliveries?state=${state}&size=20&page=${page}`));
  if (!answer) {
    return;
  }
  view.append(table([
    ['事件', (d) => EVENT[d.eventType] ?? d.eventType], ['单位', (d) => d.orgUnit], ['尝试次数', (d) => d.attempts],
    ['最后答复', (d) => d.lastStatus ?? d.lastError], ['产生于', (d) => dateTime(d.createdAt)],
    ['', (d) => d.state === 'PARKED' ? el('button', { type: 'button', onclick: async () => {
      if (await attempt(() => call(`/webhooks/deliveries/${d.id}/replay`, 'POST'))) {
        say('已重新投递：' + (EVENT[d.eventType] ?? d.eventType));
        await context.reload();
      }
    } }, '重新投递') : ''],
  ], answer.items, state === 'PARKED' ? '没有投递失败的推送。' : '没有这个状态的推送。'),
  pager(answer, (to) => context.go('deliveries', { state, page: to })));
}
