// 组织机构: the registry's tree from the person's own unit down, a search by name or code, and for the chosen unit
// its facts, renaming, moving under another parent, a new unit below it, and taking a unit created by mistake out of
// use (or back into it).
import { LEVEL } from '../labels.js';
import { attempt, call, confirmed, el, field, query, refusedRows, say, select, sheetImport, table, upload, values } from '../ui.js';
import { unitPicker } from '../unit-picker.js';

// what deactivating does, said before it is done
const CONSEQUENCE = '停用后，它的自评、考核结果、整改事项和评议记录全部保留，仍以原名称显示、可以查询；但不能再在它下面'
  + '新建单位，不能再向它下发整改事项和任务、任命领导、为它建立考核方案或述职评议，它也不再列入填报进度，下一次计算'
  + '结果时退出排名。已下发给它的事项保持原状，可由下发方撤销。绑定它的账号须由管理员另行停用。随时可以重新启用。';

/** A unit's name, marked when it is out of use. */
function named(unit) {
  return unit.deactivated ? unit.name + '（已停用）' : unit.name;
}

export async function render(view, context) {
  const tree = el('div', { class: 'panel tree', 'aria-label': '组织机构树' });
  const detail = el('div', { class: 'panel' }, el('p', { class: 'empty' }, '在左侧选择一个单位，查看并维护它。'));
  const found = el('div');
  const search = el('form', { class: 'filters', role: 'search', onsubmit: async (event) => {
    event.preventDefault();
    const { q } = values(search);
    const answer = await attempt(() => call(query('/assessment/org-units', { q, size: 50 })));
    if (answer) {
      found.replaceChildren(table([['单位', named], ['层级', (u) => LEVEL[u.level]], ['编码', (u) => u.code]],
        answer.items, '没有名称或编码包含“' + q + '”的单位。', (unit) => open(unit.code)));
    }
  } }, field('查找单位（名称或编码）', el('input', { name: 'q', type: 'search', required: true })),
  el('button', { type: 'submit' }, '查找'));
  // a list of units, a row each: 编码, 名称, 层级, 类别, 上级编码 (a unit registered or a row above)
  const imports = sheetImport('从 Excel 导入单位（编码、名称、层级、类别、上级编码）', async (file, validOnly) => {
    const done = await attempt(() => upload('/assessment/org-units/import' + (validOnly ? '?rows=valid' : ''), file));
    if (done) {
      await context.reload();
      say(`已导入 ${done.imported} 个单位，${done.unchanged} 个与登记一致未变`
        + (done.refused.length ? `；未导入：${refusedRows(done.refused)}` : '。'), done.refused.length > 0);
    }
  });
  view.append(search, imports, found, el('div', { class: 'columns' }, tree, detail));

  async function branch(unit) {
    const children = el('ul', { class: 'hidden' });
    const toggle = el('button', { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-label': '展开' + unit.name,
      onclick: async () => {
        const opening = children.classList.contains('hidden');
        if (opening && !children.childElementCount) {
          const below = await attempt(() => call('/assessment/org-units/' + encodeURIComponent(unit.code) + '/children'));
          children.replaceChildren(...await Promise.all((below ?? []).map(branch)));
          if (below?.length === 0) {
            children.append(el('li', { class: 'empty-branch' }, '（无下级单位）'));
          }
        }
        children.classList.toggle('hidden', !opening);
        toggle.setAttribute('aria-expanded', String(opening));
        toggle.textContent = opening ? '▾' : '▸';
      } }, '▸');
    return el('li', { 'data-unit': unit.code }, toggle,
      el('a', { href: '#', class: unit.deactivated ? 'deactivated' : null, onclick: (event) => { event.preventDefault(); open(unit.code); } },
        named(unit)), children);
  }

  async function open(code) {
    const unit = await attempt(() => call('/assessment/org-units/' + encodeURIComponent(code)));
    if (!unit) {
      return;
    }
    tree.querySelectorAll('a').forEach((a) => a.toggleAttribute('aria-current', a.parentElement.dataset.unit === code));
    // a parent above the person's own unit lies outside their scope: its name is not theirs to read
    const parent = unit.parentCode && unit.code !== context.unitCode
      ? await attempt(() => call('/assessment/org-units/' + encodeURIComponent(unit.parentCode))) : null;
    const rename = el('form', { class: 'filters', onsubmit: (event) => change(event, rename, 'rename',
      (v) => ({ name: v.name, version: unit.version }), '已更名为 ') },
    field('新名称', el('input', { name: 'name', required: true, maxlength: 200, value: unit.name })),
    el('button', { type: 'submit' }, '更名'));
    const [parentPicker, parents] = unitPicker('parentCode');
    const move = el('form', { class: 'filters', onsubmit: (event) => change(event, move, 'move',
      () => ({ parentCode: parentPicker.code(), version: unit.version }), '已调整隶属：') },
    field('新的上级单位', parentPicker), parents, el('button', { type: 'submit' }, '调整隶属'));
    const create = el('form', { class: 'filters', onsubmit: async (event) => {
      event.preventDefault();
      const created = await attempt(() => call('/assessment/org-units', 'POST', { ...values(create), parentCode: unit.code }));
      if (created) {
        await open(created.code);
        say('已新建下级单位：' + created.name);
      }
    } },
    field('编码', el('input', { name: 'code', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9\\-]{0,63}' })),
    field('名称', el('input', { name: 'name', required: true, maxlength: 200 })),
    field('层级', select('level', LEVEL, undefined, unit.level === 'city' ? 'county' : 'township')),
    field('类别（英文代码，如 township）', el('input', { name: 'category', required: true, pattern: '[a-z][a-z0-9\\-]{1,49}' })),
    el('button', { type: 'submit' }, '新建'));
    const use = unit.deactivated
      ? [el('h2', {}, '重新启用'), el('p', {}, '启用后可以重新向它下发事项、纳入考核和评议；其上级单位须在用。'),
        el('button', { type: 'button', onclick: () => toggleUse('reactivate', '重新启用“' + unit.name + '”？',
          '它将重新列入填报进度和下一次计算结果。', '已重新启用：') }, '重新启用')]
      : unit.code === context.unitCode ? [] // an account never takes its own unit out of use
        : [el('h2', {}, '停用'), el('p', {}, '用于停用误建的单位；须先停用或移走它的全部下级单位。'),
          el('button', { type: 'button', class: 'danger', onclick: () => toggleUse('deactivate', '停用“' + unit.name + '”？', CONSEQUENCE,
            '已停用：') }, '停用该单位')];
    detail.replaceChildren(el('h2', {}, named(unit)),
      el('dl', { class: 'facts' }, el('dt', {}, '编码'), el('dd', {}, unit.code), el('dt', {}, '层级'), el('dd', {}, LEVEL[unit.level]),
        el('dt', {}, '类别'), el('dd', {}, unit.category), el('dt', {}, '上级单位'), el('dd', {}, parent?.name ?? '—'),
        el('dt', {}, '状态'), el('dd', {}, unit.deactivated ? '已停用' : '在用')),
      el('h2', {}, '更名'), rename, el('h2', {}, '调整隶属'),
      el('p', {}, '下级单位随之一并调整；各服务在数秒内按新的隶属关系查到它的全部记录，绑定该单位的账号需由管理员另行调整。'),
      move, ...(unit.deactivated ? [] : [el('h2', {}, '新建下级单位'), create]), ...use);

    async function toggleUse(action, question, consequence, done) {
      if (await confirmed(question, consequence)) {
        const changed = await attempt(() => call(`/assessment/org-units/${encodeURIComponent(code)}/${action}`, 'POST',
          { version: unit.version }));
        if (changed) {
          const link = tree.querySelector(`li[data-unit="${CSS.escape(code)}"] > a`);
          link?.replaceChildren(named(changed));
          link?.classList.toggle('deactivated', changed.deactivated);
          await open(code);
          say(done + changed.name);
        }
      }
    }

    async function change(event, form, action, body, done) {
      event.preventDefault();
      const changed = await attempt(() => call(`/assessment/org-units/${encodeURIComponent(code)}/${action}`, 'POST',
        body(values(form))));
      if (changed) {
        await open(code);
        say(done + changed.name);
      }
    }
  }

  const root = await attempt(() => call('/assessment/org-units/' + encodeURIComponent(context.unitCode)));
  if (root) {
    tree.replaceChildren(el('ul', {}, await branch(root)));
    await open(root.code);
  }
}
