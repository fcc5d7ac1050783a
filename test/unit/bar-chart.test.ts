// The figures page's bar chart: bars scale to the largest value, neighbours differ by pattern (not
// colour alone), and the description says every value for screen readers.
import { barChart } from '../../src/figures/bar-chart.presenter';

it('scales bars to the largest value and keeps them on one baseline', () => {
  const chart = barChart('c', 'Alerts', 'Alerts', [
    { label: 'Sent', value: 40 },
    { label: 'Failed', value: 10 },
  ]);
  expect(chart.bars.map((b) => [b.height, b.y + b.height])).toEqual([
    [200, chart.baseline],
    [50, chart.baseline],
  ]);
});

it('gives neighbouring bars different patterns unless asked for one series', () => {
  const data = [1, 2, 3, 4].map((value) => ({ label: `L${value}`, value }));
  expect(new Set(barChart('c', 'T', 'H', data).bars.map((b) => b.pattern)).size).toBe(4);
  expect(new Set(barChart('c', 'T', 'H', data, false).bars.map((b) => b.pattern)).size).toBe(1);
});

it.each([
  [
    [
      { label: 'Returned', value: 3 },
      { label: 'Held in 72h', value: 0 },
    ],
    'Return interviews. Returned: 3; Held in 72h: 0.',
  ],
  [[], 'Return interviews. There is nothing to show for this period.'],
])('describes the values in words: %j', (data, desc) => {
  const chart = barChart('c', 'Return interviews', 'Episodes', data);
  expect(chart.desc).toBe(desc);
  expect(chart.bars.every((b) => b.height >= 0 && b.x >= 0 && b.x + b.width <= chart.width)).toBe(true);
});
