/**
 * Monthly event charts with ECharts (`echarts/core` with only the bar and line charts, the grid,
 * tooltip and legend components and the SVG renderer). Loaded with `import()` by the views.
 * Tooltips are built by a formatter that escapes every value.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { MonthPoint } from '../../src/store/types.js';
import { QUAD_COLORS } from './components.js';
import { escapeHtml } from './escape.js';
import { lang, quadLabel, t } from './i18n.js';

const FONT = 'system-ui, "DejaVu Sans", sans-serif';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface TipParam {
  seriesName?: string;
  name?: string;
  value?: unknown;
  color?: unknown;
}

function tooltip(params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]) as TipParam[];
  const head = escapeHtml(String(list[0]?.name ?? ''));
  const lines = list
    .filter((p) => p.value !== null && p.value !== undefined && p.value !== '-')
    .map((p) => {
      const color = typeof p.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(p.color) ? p.color : '#888';
      const v =
        typeof p.value === 'number' ? String(Math.round(p.value * 100) / 100) : escapeHtml(String(p.value));
      return `<span style="color:${color}">●</span> ${escapeHtml(String(p.seriesName ?? ''))}: ${v}`;
    });
  return [`<b>${head}</b>`, ...lines].join('<br>');
}

/**
 * Stacked monthly bars by quad class, and (when `goldstein`) the mean Goldstein value as a line on
 * a second axis. Returns a function that disposes of the chart.
 */
export function monthChart(box: HTMLElement, months: MonthPoint[], opts: { goldstein: boolean }): () => void {
  // ECharts lays text out left to right; inside an RTL page its legend items overlap and signs move.
  box.setAttribute('dir', 'ltr');
  const chart = echarts.init(box, undefined, { renderer: 'svg' });
  const rtl = lang() === 'ar';
  const x = months.map((m) => m.month);
  const series: echarts.EChartsCoreOption[] = [1, 2, 3, 4].map((q) => ({
    type: 'bar',
    name: quadLabel(q),
    stack: 'quads',
    itemStyle: { color: QUAD_COLORS[q - 1] },
    data: months.map((m) => m.quads[q - 1] ?? 0),
  }));
  if (opts.goldstein)
    series.push({
      type: 'line',
      name: t('goldstein'),
      yAxisIndex: 1,
      smooth: false,
      connectNulls: true,
      itemStyle: { color: '#3949ab' },
      data: months.map((m) => (m.goldstein === null ? '-' : Math.round(m.goldstein * 100) / 100)),
    });
  chart.setOption({
    animation: false,
    // a concrete font: ECharts measures text on a canvas, where `inherit` means its 10px default
    textStyle: { fontFamily: FONT },
    legend: { top: 0, textStyle: { fontFamily: FONT } },
    tooltip: { trigger: 'axis', formatter: tooltip, renderMode: 'html' },
    grid: { left: 48, right: 48, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: x, inverse: rtl },
    yAxis: [
      { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
      ...(opts.goldstein
        ? [{ type: 'value', min: -10, max: 10, position: rtl ? 'left' : 'right', splitLine: { show: false } }]
        : []),
    ],
    series,
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
