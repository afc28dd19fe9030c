// A bar chart of counts over time as inline SVG built with DOM calls: each bar is focusable and says its value in a
// <title> (shown on hover, read by screen readers), and the same numbers are in a table below it.
import { el } from './dom.js';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

function svgText(tag, attrs, text) {
  const node = svg(tag, attrs);
  node.textContent = text;
  return node;
}

// The marks that overlap the bar [start, start + width), as one note: "spike, 6× usual".
function markOf(marks, start, width) {
  const overlapping = marks.filter((m) => m.start < start + width && m.end > start);
  return overlapping.length === 0 ? null : `spike, ${Math.max(...overlapping.map((m) => m.ratio))}× usual`;
}

/**
 * points: [{ start, count }] oldest first. label(date, long) names a bar: short for the axis, long for hover and table.
 * every: label every n-th bar on the axis. width: a bar's span in ms. marks: [{ start, end, ratio }] in ms, the
 * spikes: a bar they overlap is drawn in the spike colour and says so in its label and in the table.
 */
export function barChart({ id, title, points, label, every, width: span, marks = [] }) {
  const barWidth = 12;
  const gap = 3;
  const height = 120;
  const top = 14;
  const bottom = 22;
  const left = 28;
  const width = left + points.length * (barWidth + gap);
  const max = Math.max(1, ...points.map((p) => p.count));
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const scale = (count) => (count / max) * (height - top - bottom);
  const notes = points.map((p) => markOf(marks, new Date(p.start).getTime(), span));
  const chart = svg('svg', {
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-labelledby': `${id}-caption`,
    preserveAspectRatio: 'xMinYMid meet',
  });
  chart.append(
    svg('line', { class: 'axis', x1: left - 2, y1: height - bottom, x2: width, y2: height - bottom }),
    svgText('text', { class: 'axis-label', x: left - 5, y: top + 4, 'text-anchor': 'end' }, String(max)),
    svgText('text', { class: 'axis-label', x: left - 5, y: height - bottom, 'text-anchor': 'end' }, '0'));
  points.forEach((point, index) => {
    const x = left + index * (barWidth + gap);
    const h = scale(point.count);
    const date = new Date(point.start);
    const mark = notes[index];
    const name = `${label(date, true)}: ${point.count} match${point.count === 1 ? '' : 'es'}${mark ? ` — ${mark}` : ''}`;
    const bar = svg('g', { class: mark ? 'bar spike' : 'bar', tabindex: '0', role: 'img', 'aria-label': name },
      svgText('title', {}, name),
      // The full-height hit area makes small bars easy to hover.
      svg('rect', { class: 'hit', x, y: top, width: barWidth, height: height - top - bottom }),
      svg('rect', { class: 'value', x, y: height - bottom - h, width: barWidth, height: Math.max(h, point.count > 0 ? 1 : 0) }));
    chart.append(bar);
    if (index % every === 0) {
      chart.append(svgText('text', { class: 'axis-label', x: x + barWidth / 2, y: height - 6, 'text-anchor': 'middle' }, label(date, false)));
    }
  });

  const table = el('table', { className: 'chart-table' },
    el('caption', { className: 'visually-hidden', text: title }),
    el('thead', {}, el('tr', {}, el('th', { text: 'When', attrs: { scope: 'col' } }), el('th', { text: 'Matches', attrs: { scope: 'col' } }))),
    el('tbody', {}, points.map((p, index) => {
      const mark = notes[index];
      return el('tr', { className: mark ? 'spike' : '' },
        el('th', { text: label(new Date(p.start), true) + (mark ? ` (${mark})` : ''), attrs: { scope: 'row' } }),
        el('td', { text: p.count }));
    })));
  const spiked = notes.some((note) => note !== null);
  return el('figure', { className: 'chart-figure', attrs: { id } },
    el('figcaption', { attrs: { id: `${id}-caption` } }, el('strong', { text: title }), el('span', { className: 'muted', text: ` — ${total} in all` }),
      spiked ? el('span', { className: 'legend-spike', text: 'spike' }) : null),
    chart,
    el('details', {}, el('summary', { text: 'Show as a table' }), table));
}
