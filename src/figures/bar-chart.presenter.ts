// Geometry for a server-rendered SVG bar chart. Bars are told apart by fill pattern and carry their
// value as text, so the chart reads without colour; the page puts the same numbers in a table.
import type { Translator } from '../platform/i18n/catalogue';
import { englishTranslator } from '../platform/i18n/shipped';

export interface ChartDatum {
  label: string;
  value: number;
}
export interface ChartBar extends ChartDatum {
  x: number;
  y: number;
  width: number;
  height: number;
  pattern: string;
  labelX: number;
  valueY: number;
}
export interface BarChart {
  id: string;
  title: string;
  desc: string;
  heading: string;
  width: number;
  height: number;
  baseline: number;
  bars: ChartBar[];
}

export const chartPatterns = ['diagonal', 'dots', 'crosshatch', 'horizontal', 'vertical', 'solid'];

const WIDTH = 640;
const PLOT_TOP = 30;
const PLOT_HEIGHT = 200;
const LEFT = 10;

export function barChart(
  id: string,
  title: string,
  heading: string,
  data: ChartDatum[],
  patterned = true,
  t: Translator = englishTranslator(),
): BarChart {
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = (WIDTH - 2 * LEFT) / Math.max(1, data.length);
  const width = Math.min(80, slot * 0.7);
  const baseline = PLOT_TOP + PLOT_HEIGHT;
  const bars = data.map((d, i) => {
    const height = Math.round((d.value / max) * PLOT_HEIGHT);
    const x = Math.round(LEFT + i * slot + (slot - width) / 2);
    return {
      ...d,
      x,
      y: baseline - height,
      width: Math.round(width),
      height,
      labelX: Math.round(x + width / 2),
      valueY: baseline - height - 6,
      pattern: patterned ? chartPatterns[i % chartPatterns.length] : chartPatterns[0],
    };
  });
  const desc = data.length
    ? `${title}. ${data.map((d) => `${d.label}: ${d.value}`).join('; ')}.`
    : `${title}. ${t.t('figures.chart.nothing')}`;
  return { id, title, desc, heading, width: WIDTH, height: baseline + 40, baseline, bars };
}
