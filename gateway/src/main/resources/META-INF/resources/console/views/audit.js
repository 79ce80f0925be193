// 审计记录: who changed what, when and from where, service by service (each keeps the trail of its own requests).
import { SERVICES } from '../labels.js';
import { attempt, call, dateTime, el, field, pager, select, table } from '../ui.js';

const METHOD = { POST: '提交', PUT: '修改', DELETE: '删除', GET: '查阅' };

export async function render(view, context) {
  const service = SERVICES[context.params.get('service')] ? context.params.get('service') : 'assessment';
  const page = Number(context.params.get('page') ?? 0);
  const picker = select('service', SERVICES, undefined, service);
  picker.addEventListener('change', () => context.go('audit', { service: picker.value }));
  view.append(el('div', { class: 'filters' }, field('服务', picker)));
  const answer = await attempt(() => call(`/${service}/audit?size=50&page=${page}`));
  if (!answer) {
    return;
  }
  view.append(table([
    ['时间', (e) => dateTime(e.at)], ['账号', (e) => e.actor], ['所属', (e) => e.actorOrgPath],
    ['操作', (e) => (METHOD[e.method] ?? e.method) + ' ' + e.path], ['结果', (e) => e.status],
    ['来源地址', (e) => e.clientAddress], ['请求编号', (e) => e.requestId],
  ], answer.items, '这个服务还没有审计记录。'), pager(answer, (to) => context.go('audit', { service, page: to })));
}
