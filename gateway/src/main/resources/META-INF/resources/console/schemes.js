// The scheme a page works on: a select of the schemes in the person's scope, newest year first, kept in the address.
import { SCHEME_STATE } from './labels.js';
import { attempt, call, el, field } from './ui.js';

export async function pickScheme(view, context, page, show, managed = false) {
  const answer = await attempt(() => call('/assessment/schemes?size=200'));
  if (!answer) {
    return;
  }
  const own = context.user.org_path;
  const schemes = answer.items.filter((s) => s.state !== 'DRAFT' && s.state !== 'SUPERSEDED')
    // managed: the schemes the person's committee runs, not those of a committee above that assesses it
    .filter((s) => !managed || s.orgPath === own || s.orgPath.startsWith(own + '/') || own === '/')
    .sort((a, b) => b.year - a.year || a.title.localeCompare(b.title, 'zh'));
  if (schemes.length === 0) {
    view.append(el('p', { class: 'empty' }, '还没有发布的考核方案。发布方案后，单位填报、部门评分，再在这里计算和查看结果。'));
    return;
  }
  const chosen = schemes.find((s) => s.id === context.params.get('scheme')) ?? schemes[0];
  const picker = el('select', { name: 'scheme', onchange: () => context.go(page, { scheme: picker.value }) },
    schemes.map((s) => el('option', { value: s.id, selected: s === chosen }, `${s.year}年 ${s.title}（${SCHEME_STATE[s.state]}）`)));
  view.append(el('div', { class: 'filters' }, field('考核方案', picker)));
  await show(chosen);
}
