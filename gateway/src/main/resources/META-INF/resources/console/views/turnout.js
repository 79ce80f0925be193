// 投票进度: for the meeting hall's projector, how many have voted of the codes issued, per ballot type, refreshed
// every five seconds while shown. It shows turnout only: the API gives no partial results, and neither does this.
import { attempt, call, el } from '../ui.js';

export async function render(view, context) {
  const id = context.params.get('session');
  const base = '/ballots/sessions/' + encodeURIComponent(id ?? '');
  const s = id && await attempt(() => call(base));
  if (!s) {
    view.append(el('p', { class: 'empty' }, '从“评议会议”打开一次会议，再打开它的投票进度。'));
    return;
  }
  const board = el('div', { class: 'turnout', 'aria-live': 'polite' });
  view.append(el('p', { class: 'projector-title' }, s.title), board, el('p', { class: 'hint' }, '本页只显示投票进度，不显示任何计票结果。'));
  const names = Object.fromEntries(s.definition.ballotTypes.map((t) => [t.code, t.name]));
  let shown = '';
  while (board.isConnected) {
    const turnout = await attempt(() => call(base + '/turnout'));
    // redrawn only when a figure changed: the live region announces a change, not every refresh
    if (turnout && board.isConnected && JSON.stringify(turnout) !== shown) {
      shown = JSON.stringify(turnout);
      board.replaceChildren(...turnout.map((t) => el('div', { class: 'tile' }, el('p', {}, names[t.ballotType] ?? t.ballotType),
        el('p', { class: 'big' }, `${t.cast + t.paper} / ${t.issued + t.paperSheets}`),
        el('p', {}, `已投 ${t.cast} 张（网上），纸质 ${t.paper} / ${t.paperSheets} 张`))));
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}
