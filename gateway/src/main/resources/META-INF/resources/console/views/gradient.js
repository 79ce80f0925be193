// 压力传导: each committee's completion beside the average of the units directly below it; where the drop exceeds
// the scheme's threshold, the pressure cools under that committee (热在上头、温在中间、冷在下头) and it is marked.
import { LEVEL } from '../labels.js';
import { pickScheme } from '../schemes.js';
import { attempt, call, chart, el, percent, table } from '../ui.js';

export async function render(view, context) {
  await pickScheme(view, context, 'gradient', async (scheme) => {
    const gradient = await attempt(() => call('/assessment/schemes/' + scheme.id + '/gradient'));
    if (!gradient) {
      return;
    }
    if (gradient.committees.length === 0) {
      view.append(el('p', { class: 'empty' }, '还没有可比较的数据：计算结果后，这里按层级显示压力传导情况。'));
      return;
    }
    const breaking = gradient.committees.filter((c) => c.breaks);
    const finding = breaking.length
      ? `压力传导在 ${breaking.map((c) => c.name).join('、')} 之下出现断层（下降超过 ${gradient.threshold} 个百分点）。`
      : `各级之间下降均未超过 ${gradient.threshold} 个百分点。`;
    view.append(el('p', { class: breaking.length ? 'notice error' : 'notice' }, finding
      + (gradient.withoutData ? `另有 ${gradient.withoutData} 个单位没有指标数据，未计入。` : '')));
    const drawing = el('div', { class: 'chart', role: 'img', 'aria-label': '压力传导图' });
    view.append(el('div', { class: 'panel' }, drawing));
    const names = gradient.committees.map((c) => c.name ?? c.unit);
    await chart(drawing, {
      title: { text: '各级党委完成率与其下级平均完成率', left: 'center', textStyle: { fontSize: 14 } },
      legend: { top: 28 },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 70, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: '完成率 %', max: 100 },
      series: [
        { name: '本级', type: 'bar', data: gradient.committees.map((c) => c.completion), itemStyle: { color: '#b71c1c' } },
        { name: '下级平均', type: 'bar', data: gradient.committees.map((c) => ({ value: c.belowCompletion,
          itemStyle: { color: c.breaks ? '#1d6fb8' : '#f0a020' } })),
          markPoint: { symbol: 'pin', itemStyle: { color: '#a11a1a' }, label: { formatter: '断层' },
            data: gradient.committees.map((c, i) => c.breaks ? { coord: [i, c.belowCompletion ?? 0] } : null).filter(Boolean) } },
      ],
    });
    view.append(table([
      ['党委', (c) => c.name ?? c.unit], ['层级', (c) => LEVEL[c.level]], ['本级完成率', (c) => percent(c.completion)],
      ['下级平均完成率', (c) => percent(c.belowCompletion)], ['下降（百分点）', (c) => c.completionDrop],
      ['本级按期整改率', (c) => percent(c.onTimeRate)], ['下级平均按期整改率', (c) => percent(c.belowOnTimeRate)],
      ['下级单位', (c) => c.below + (c.belowWithoutData ? `（另 ${c.belowWithoutData} 个无数据）` : '')],
      ['断层', (c) => c.breaks ? el('span', { class: 'badge red' }, '断层') : '否'],
    ], gradient.committees, ''));
  });
}
