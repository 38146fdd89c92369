// Charts as inline SVG, drawn on the server: no script and no external file. Each chart is
// dated (its dates on the axis and in its caption) and its legend is in the page's language.
import { DIMENSIONS, type Dimension } from '../../evaluators/index.ts';
import { escapeHtml } from './html.ts';
import { day, type Clock } from './dates.ts';
import { dimensionLabel, t } from './i18n.ts';
import type { DimensionAverages, TrendPoint } from './stats.ts';

export const DIMENSION_COLORS: Record<Dimension, string> = {
  interrupting: '#0f5c7a',
  empathy: '#d9534f',
  jargon: '#2e8b57',
  promises: '#7b4fa0',
  problemSolving: '#e08a1e',
};

function legend(clock: Clock, dims: readonly Dimension[] = DIMENSIONS): string {
  return `<ul class="legend">${dims
    .map(
      (d) =>
        `<li><span class="swatch" style="background:${DIMENSION_COLORS[d]}"></span>${escapeHtml(dimensionLabel(d, clock.locale))}</li>`,
    )
    .join('')}</ul>`;
}

/** Scores per dimension over time, oldest left; each point dated, the first, middle and last date on the axis. */
export function trendChart(points: TrendPoint[], clock: Clock, title = t(clock.locale, 'chartScores')): string {
  if (points.length === 0) return `<p class="muted">${escapeHtml(t(clock.locale, 'noData'))}</p>`;
  const w = 640,
    h = 240,
    left = 34,
    right = 16,
    top = 12,
    bottom = 28;
  const x = (i: number) => left + (points.length <= 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (points.length - 1));
  // Each dimension sits a little apart, so equal scores do not hide four lines behind the fifth.
  const y = (v: number, k = 2) => top + (1 - v / 100) * (h - top - bottom) + (k - 2) * 1.5;
  const grid = [0, 25, 50, 75, 100]
    .map(
      (v) =>
        `<line x1="${left}" x2="${w - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#dde4ea"/><text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#5b6b76">${v}</text>`,
    )
    .join('');
  const series = DIMENSIONS.map((d, k) => {
    const pts = points.flatMap((p, i) => (typeof p.values[d] === 'number' ? [[i, p.values[d] as number, p.at] as const] : []));
    if (!pts.length) return '';
    const label = escapeHtml(dimensionLabel(d, clock.locale));
    const path = pts.map(([i, v]) => `${x(i).toFixed(1)},${y(v, k).toFixed(1)}`).join(' ');
    return (
      `<polyline fill="none" stroke="${DIMENSION_COLORS[d]}" stroke-width="2" points="${path}"><title>${label}</title></polyline>` +
      pts
        .map(
          ([i, v, at]) =>
            `<circle cx="${x(i).toFixed(1)}" cy="${y(v, k).toFixed(1)}" r="3.5" fill="${DIMENSION_COLORS[d]}"><title>${label} ${v} (${day(at, clock.timeZone)})</title></circle>`,
        )
        .join('')
    );
  }).join('');
  const ticks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  const dates = ticks
    .map((i) => {
      const anchor = points.length === 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
      return `<text x="${x(i).toFixed(1)}" y="${h - 8}" font-size="11" text-anchor="${anchor}" fill="#5b6b76">${day(points[i]!.at, clock.timeZone)}</text>`;
    })
    .join('');
  const first = day(points[0]!.at, clock.timeZone);
  const last = day(points[points.length - 1]!.at, clock.timeZone);
  const caption = `${escapeHtml(title)} · ${first === last ? first : `${first} – ${last}`}`;
  return `<figure class="chart"><figcaption>${caption}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${w} ${h}" preserveAspectRatio="xMidYMid meet">${grid}${series}${dates}</svg>${legend(clock)}</figure>`;
}

/** Average per dimension as horizontal bars, labelled in the page's language and dated by its caption. */
export function averagesChart(avg: DimensionAverages, clock: Clock, asOf: number): string {
  const rows = DIMENSIONS.map((d) => {
    const v = avg[d];
    const width = v === null ? 0 : Math.max(1, v);
    return `<div class="bar-row"><span class="bar-label">${escapeHtml(dimensionLabel(d, clock.locale))}</span><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(dimensionLabel(d, clock.locale))} ${v ?? '–'}"><rect width="100" height="10" fill="#e6ecf0"/><rect width="${width}" height="10" fill="${DIMENSION_COLORS[d]}"/></svg><span class="bar-value">${v ?? '–'}</span></div>`;
  }).join('');
  return `<figure class="chart bars"><figcaption>${escapeHtml(t(clock.locale, 'chartAverages'))} · ${day(asOf, clock.timeZone)}</figcaption>${rows}</figure>`;
}
