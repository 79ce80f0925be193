// 填报进度: how far a scheme has come, unit by unit: of the indicators each unit reports on, how many it has reported
// and how many are settled (scored by their department, or accepted), and its objections waiting for an answer;
// the units that lag are marked, to be chased before computing.
import { pickScheme } from '../schemes.js';
import { attempt, call, el, pager, table } from '../ui.js';

export async function render(view, context) {
  await pickScheme(view, context, 'progress', async (scheme) => {
    const page = Number(context.params.get('page') ?? 0);
    const answer = await attempt(() => call(`/assessment/schemes/${encodeURIComponent(scheme.id)}/progress?size=50&page=${page}`));
    if (!answer) {
      return;
    }
    const share = (done, of) => of === 0 ? '—' : `${done} / ${of}`;
    const state = (u) => u.indicators === 0 ? '无须填报'
      : u.settled === u.indicators ? el('span', { class: 'badge green' }, '已全部评定')
        : u.reported === u.indicators ? el('span', { class: 'badge yellow' }, '待部门评分')
          : el('span', { class: 'badge red' }, '未填报完');
    view.append(table([
      ['单位', (u) => u.unitName], ['类别', (u) => u.category], ['已填报', (u) => share(u.reported, u.indicators)],
      ['已评定', (u) => share(u.settled, u.indicators)], ['待处理异议', (u) => u.objections || ''], ['进度', state],
    ], answer.items, '这个方案还没有考核对象：在“组织机构”中，于方案所属单位之下建立单位。'),
    pager(answer, (to) => context.go('progress', { scheme: scheme.id, page: to })));
  }, true);
}
