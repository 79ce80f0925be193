// 方案设计: the schemes the person's committee runs. A draft's dimension → indicator tree is edited with each
// indicator's points, department and scoring method, its sums shown as they are typed (the API alone decides what
// is sound when it is saved); a draft's indicators come from or go to Excel; publishing asks first. A published
// scheme is revised, or copied as next year's draft.
import { COMPARISON, COMPONENT, DEPARTMENT, METHOD, SCHEME_STATE } from '../labels.js';
import { attempt, call, confirmed, dateTime, download, el, field, say, table, upload } from '../ui.js';

const number = (text) => (text === '' ? null : Number(text));
const list = (text) => text.split(/[;；、,，]/).map((part) => part.trim()).filter(Boolean);
/** 等次分值 as a committee writes it: 优秀=10；良好=8 */
const gradePoints = (text) => Object.fromEntries(list(text).map((pair) => pair.split(/[=＝:：]/).map((part) => part.trim()))
  .filter(([grade, points]) => grade && points !== undefined && points !== '').map(([grade, points]) => [grade, Number(points)]));
const gradePointsText = (points) => Object.entries(points ?? {}).map(([grade, p]) => grade + '=' + p).join('；');
const sum = (values) => values.reduce((total, value) => total + (Number(value) || 0), 0);
const weighted = (indicator) => indicator.method?.kind !== 'BONUS' && indicator.method?.kind !== 'VETO';
const DEFAULT_GRADES = [{ name: '好', min: 90 }, { name: '较好', min: 80 }, { name: '一般', min: 60 }, { name: '差', min: 0 }];

export async function render(view, context) {
  if (context.params.has('scheme') || context.params.has('new')) {
    await edit(view, context, context.params.get('scheme'), context.params.get('from'));
  } else {
    await schemes(view, context);
  }
}

async function schemes(view, context) {
  const answer = await attempt(() => call('/assessment/schemes?size=200'));
  if (!answer) {
    return;
  }
  const own = context.user.org_path;
  // the schemes the person's committee runs, not those of a committee above that assesses it
  const ours = answer.items.filter((s) => own === '/' || s.orgPath === own || s.orgPath.startsWith(own + '/'));
  view.append(el('div', { class: 'actions' },
    el('button', { type: 'button', onclick: () => context.go('design', { new: 1 }) }, '新建方案')),
  table([['年度', (s) => s.year], ['方案', (s) => s.title], ['版本', (s) => '第 ' + s.revision + ' 版'],
    ['状态', (s) => SCHEME_STATE[s.state]], ['发布于', (s) => dateTime(s.publishedAt)]],
  ours, '还没有考核方案：点击“新建方案”，或打开上一年度的方案复制为新方案。', (s) => context.go('design', { scheme: s.id })));
}

/** A scheme's tree, editable while it is a draft (or a new one, blank or copied from another scheme). */
async function edit(view, context, id, from) {
  const read = (of) => attempt(() => call('/assessment/schemes/' + encodeURIComponent(of)));
  const source = id ? await read(id) : from ? await read(from) : null;
  if ((id || from) && !source) {
    return;
  }
  const year = new Date().getFullYear();
  const draft = id ? { year: source.year, orgUnit: source.orgUnit, title: source.title, definition: structuredClone(source.definition) }
    : from ? { year: source.year + 1, orgUnit: source.orgUnit, definition: structuredClone(source.definition),
      title: source.title.replaceAll(String(source.year), String(source.year + 1)) }
      : { year, orgUnit: context.unitCode, title: year + '年度党建工作责任制考核方案', definition: blank() };
  const definition = draft.definition;
  definition.grades ??= structuredClone(DEFAULT_GRADES);
  definition.components ??= {};
  const editable = !id || source.state === 'DRAFT';
  const sums = [];

  /** An input bound to a field of the draft: typing changes the draft and the sums shown. */
  const input = (object, key, attributes = {}, parse = (text) => text) => el('input', { value: object[key] ?? '',
    disabled: !editable, ...attributes, oninput: (event) => {
      const value = parse(event.target.value.trim());
      if (value === null || value === '') {
        delete object[key];
      } else {
        object[key] = value;
      }
      refresh();
    } });
  const numeric = (object, key, label, attributes = {}) => input(object, key,
    { type: 'number', step: 'any', min: 0, 'aria-label': label, ...attributes }, number);
  /** A sum beside what it must equal, marked while it does not. */
  const shown = (text, must) => {
    const line = el('span', { class: 'sum' });
    sums.push(() => {
      const [value, target] = must();
      line.textContent = text(value, target);
      line.classList.toggle('wrong', Math.abs(value - target) > 1e-9);
    });
    return line;
  };
  const refresh = () => sums.forEach((update) => update());
  const tree = el('div');
  const redraw = () => {
    sums.length = 0;
    tree.replaceChildren(...components(), ...dimensions());
    refresh();
  };

  view.append(el('div', { class: 'actions' }, el('a', { href: '#/design' }, '← 全部方案'),
    id ? el('span', {}, `状态：${SCHEME_STATE[source.state]} · 第 ${source.revision} 版`) : el('span', {},
      from ? `复制自：${source.year}年 ${source.title}（保存后为新的草稿）` : '新方案（保存后为草稿）')),
  el('div', { class: 'panel filters' },
    field('年度', input(draft, 'year', { name: 'year', type: 'number', min: 2000, max: 2100 }, number)),
    field('方案名称', input(draft, 'title', { name: 'title', maxlength: 200, size: 40 }))),
  tree, steps());
  redraw();

  function components() {
    const weights = definition.components;
    return [el('section', { class: 'panel', 'aria-label': '综合评价构成' }, el('h2', {}, '综合评价构成（权重合计 100）'),
      el('div', { class: 'filters' }, Object.entries(COMPONENT).map(([code, label]) =>
        field(label, numeric(weights, code, label + '权重'))),
      shown((total) => `合计 ${total}`, () => [sum(Object.values(weights)), 100])),
      el('h2', {}, '等次'),
      el('div', { class: 'filters' }, definition.grades.map((grade, g) => field(
        g === definition.grades.length - 1 ? `“${grade.name}”（其余）` : `“${grade.name}”最低分`,
        numeric(grade, 'min', grade.name + '最低分'))),
      field(`“${definition.grades[0].name}”等次比例上限（0–1，可不填）`,
        numeric(definition, 'topQuota', '好等次比例上限', { max: 1, step: '0.05' }))))];
  }

  function dimensions() {
    return [...definition.dimensions.map((dimension, d) => el('section', { class: 'panel', 'aria-label': '维度 ' + (d + 1) },
      el('h2', {}, `维度 ${d + 1}`),
      el('div', { class: 'filters' },
        field('维度编码', input(dimension, 'code', { maxlength: 64, required: true })),
        field('维度名称', input(dimension, 'name', { maxlength: 200, required: true })),
        field('权重', numeric(dimension, 'weight', '维度权重')),
        shown((points, weight) => `指标分值合计 ${points}，权重 ${weight}`,
          () => [sum(dimension.indicators.filter(weighted).map((i) => i.points)), Number(dimension.weight) || 0]),
        editable ? el('button', { type: 'button', class: 'plain', onclick: () => {
          definition.dimensions.splice(d, 1);
          redraw();
        } }, '删除维度') : null),
      indicators(dimension))),
    editable ? el('div', { class: 'actions' }, el('button', { type: 'button', class: 'plain', onclick: () => {
      definition.dimensions.push({ code: 'D' + (definition.dimensions.length + 1), name: '', weight: 0, indicators: [indicator()] });
      redraw();
    } }, '添加维度'), shown((total) => `维度权重合计 ${total}`, () => [sum(definition.dimensions.map((x) => x.weight)), 100]))
      : null];
  }

  function indicators(dimension) {
    const rows = dimension.indicators.map((indicator, i) => {
      const method = indicator.method;
      const params = el('div', { class: 'params' });
      const drawParams = () => params.replaceChildren(...parameters(method));
      drawParams();
      return el('tr', {},
        el('td', {}, input(indicator, 'code', { 'aria-label': '指标编码', maxlength: 64, size: 6 })),
        el('td', {}, input(indicator, 'name', { 'aria-label': '指标名称', maxlength: 200 })),
        el('td', {}, numeric(indicator, 'points', '分值', { size: 4 })),
        el('td', {}, department(indicator)),
        el('td', {}, el('select', { 'aria-label': '计分方法', disabled: !editable, onchange: (event) => {
          method.kind = event.target.value;
          drawParams();
          refresh();
        } }, Object.entries(METHOD).map(([kind, label]) => el('option', { value: kind, selected: kind === method.kind }, label)))),
        el('td', {}, params),
        el('td', {}, input(indicator, 'categories', { 'aria-label': '适用类别（空为全部）', value: (indicator.categories ?? []).join('、') }, list)),
        el('td', {}, input(indicator, 'evidence', { 'aria-label': '佐证材料', maxlength: 2000 })),
        el('td', {}, editable ? el('button', { type: 'button', class: 'plain', 'aria-label': '删除指标 ' + (indicator.name || i + 1),
          onclick: () => {
            dimension.indicators.splice(i, 1);
            redraw();
          } }, '删除') : null));
    });
    return [el('table', { class: 'list edit' },
      el('thead', {}, el('tr', {}, ['编码', '指标', '分值', '责任部门', '计分方法', '计分参数', '适用类别', '佐证材料', '']
        .map((title) => el('th', { scope: 'col' }, title)))),
      el('tbody', {}, rows)),
    editable ? el('button', { type: 'button', class: 'plain', onclick: () => {
      dimension.indicators.push(indicator());
      redraw();
    } }, '添加指标') : null];
  }

  /** The owning department by its name; a department the labels do not know is kept, by its code. */
  function department(indicator) {
    const known = { ...DEPARTMENT, ...(indicator.department && !DEPARTMENT[indicator.department]
      ? { [indicator.department]: indicator.department } : {}) };
    return el('select', { 'aria-label': '责任部门', disabled: !editable, onchange: (event) => {
      if (event.target.value) {
        indicator.department = event.target.value;
      } else {
        delete indicator.department;
      }
    } },
      el('option', { value: '', selected: !indicator.department }, '（未指定）'),
      Object.entries(known).map(([code, label]) => el('option', { value: code, selected: code === indicator.department }, label)));
  }

  /** The fields the method's kind reads (Method in the API); counting from duty records is kept as it is. */
  function parameters(method) {
    if (method.records) {
      return [el('span', {}, '按履责纪实计数：' + method.records.kind)];
    }
    switch (method.kind) {
      case 'THRESHOLD':
      case 'LINEAR':
        return [el('select', { 'aria-label': '比较', disabled: !editable, onchange: (event) => { method.comparison = event.target.value; } },
          Object.entries(COMPARISON).map(([code, label]) => el('option', { value: code, selected: code === (method.comparison ??= 'AT_LEAST') }, label))),
        numeric(method, 'target', '目标值', { placeholder: '目标值' }),
        input(method, 'unit', { 'aria-label': '计量单位', placeholder: '单位', maxlength: 20, size: 3 })];
      case 'DEDUCTION':
        return [numeric(method, 'perOccurrence', '每次扣分', { placeholder: '每次扣分' }), numeric(method, 'floor', '最低得分', { placeholder: '最低' })];
      case 'BONUS':
        return [numeric(method, 'perOccurrence', '每次加分', { placeholder: '每次加分' }), numeric(method, 'cap', '封顶', { placeholder: '封顶' })];
      case 'QUALITATIVE':
        return [input(method, 'gradePoints', { 'aria-label': '等次分值', placeholder: '优秀=10；良好=8', value: gradePointsText(method.gradePoints) }, gradePoints)];
      case 'VETO':
        return [el('select', { 'aria-label': '否决后最高等次', disabled: !editable, onchange: (event) => { method.capGrade = event.target.value; } },
          definition.grades.map((grade) => el('option', { value: grade.name, selected: grade.name === (method.capGrade ??= definition.grades.at(-2)?.name) }, '最高“' + grade.name + '”')))];
      default:
        return [];
    }
  }

  function steps() {
    const saved = Boolean(id);
    const file = el('input', { type: 'file', name: 'indicators', accept: '.xlsx,.csv', onchange: async () => {
      const imported = file.files[0] && await attempt(() => upload('/assessment/schemes/' + encodeURIComponent(id) + '/indicators', file.files[0]));
      file.value = '';
      if (imported) {
        say(`已从指标表导入 ${imported.definition.dimensions.length} 个维度、`
          + `${imported.definition.dimensions.reduce((n, x) => n + x.indicators.length, 0)} 项指标。`);
        await context.reload();
      }
    } });
    return el('div', { class: 'actions' },
      editable ? el('button', { type: 'button', onclick: save }, saved ? '保存' : '保存为草稿') : null,
      editable && saved ? el('button', { type: 'button', onclick: publish }, '发布方案') : null,
      editable && saved ? field('从 Excel 导入指标（替换全部维度和指标）', file) : null,
      saved ? el('button', { type: 'button', class: 'plain', onclick: () => attempt(() => download('/assessment/schemes/'
        + encodeURIComponent(id) + '/indicators.xlsx', draft.title + '-考核指标.xlsx')) }, '下载指标表') : null,
      saved && !editable && source.state !== 'SUPERSEDED' ? el('button', { type: 'button', class: 'plain', onclick: revise }, '修订方案') : null,
      saved ? el('button', { type: 'button', class: 'plain', onclick: () => context.go('design', { new: 1, from: id }) }, '复制为新年度方案') : null);
  }

  async function save() {
    const body = { year: draft.year, orgUnit: draft.orgUnit, title: draft.title, definition };
    const stored = await attempt(() => (id ? call('/assessment/schemes/' + encodeURIComponent(id), 'PUT', body)
      : call('/assessment/schemes', 'POST', body)));
    if (stored) {
      say('已保存：' + stored.title + '（草稿）。');
      if (id) {
        await context.reload();
      } else {
        context.go('design', { scheme: stored.id }, true);
      }
    }
  }

  async function publish() {
    if (!await confirmed('发布“' + source.title + '”？', '发布的是最近一次保存的内容。发布后方案不能再修改（只能修订为新版本），各单位即可按它自评。')) {
      return;
    }
    if (await attempt(() => call('/assessment/schemes/' + encodeURIComponent(id) + '/publish', 'POST'))) {
      say('已发布：' + source.title + '。');
      await context.reload();
    }
  }

  async function revise() {
    const revision = await attempt(() => call('/assessment/schemes/' + encodeURIComponent(id) + '/revise', 'POST'));
    if (revision) {
      say(`已建立第 ${revision.revision} 版草稿；发布后取代第 ${source.revision} 版，已有的填报随之转入。`);
      context.go('design', { scheme: revision.id }, true);
    }
  }
}

function indicator() {
  return { code: '', name: '', points: 0, department: 'organization', categories: [], evidence: '', method: { kind: 'THRESHOLD', comparison: 'AT_LEAST' } };
}

/** A new scheme's start: the five components weighted as many committees do, one dimension to fill in. */
function blank() {
  return { components: { ROUTINE: 20, YEAR_END: 40, EVALUATION: 20, OPINION: 10, RECTIFICATION: 10 },
    grades: structuredClone(DEFAULT_GRADES),
    dimensions: [{ code: 'D1', name: '政治建设', weight: 100, indicators: [{ ...indicator(), code: 'D1-1', name: '落实党建工作责任制', points: 100 }] }] };
}
