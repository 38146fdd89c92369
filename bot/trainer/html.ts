// Server-side HTML for the dashboard. Every value that a trainee could have written
// goes through escapeHtml; findings are highlighted on the exact [start,end) span.
import { DIMENSIONS, type Finding } from '../../evaluators/index.ts';
import type { SessionSummary, StoredDispute, TurnRecord } from '../records/types.ts';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The reply with each bad finding's span wrapped in <mark>, good ones in <ins>. */
export function highlight(reply: string, findings: Finding[]): string {
  const spans = findings
    .filter((f) => f.span[0] >= 0 && f.span[1] <= reply.length && f.span[0] < f.span[1])
    .sort((a, b) => a.span[0] - b.span[0]);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.span[0] < at) continue; // overlapping spans: the first one wins
    out += escapeHtml(reply.slice(at, f.span[0]));
    const tag = f.polarity === 'good' ? 'ins' : 'mark';
    out += `<${tag} class="finding" title="${escapeHtml(`${f.evaluator}/${f.rule}: ${f.message}`)}">${escapeHtml(reply.slice(f.span[0], f.span[1]))}</${tag}>`;
    at = f.span[1];
  }
  return out + escapeHtml(reply.slice(at));
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

/** Scores per dimension over time, oldest left, as an inline SVG line chart with the dates below. */
export function scoreChart(sessions: SessionSummary[]): string {
  const points = sessions.filter((s) => s.dimensions).sort((a, b) => a.startedAt - b.startedAt);
  const w = 640,
    h = 240,
    pad = 30;
  const x = (i: number) => pad + (points.length <= 1 ? (w - 2 * pad) / 2 : (i * (w - 2 * pad)) / (points.length - 1));
  // Each dimension sits a little apart, so equal scores do not hide four lines behind the fifth.
  const y = (v: number, k: number) => h - pad - 14 - (v / 100) * (h - 2 * pad - 14) + (k - 2) * 2;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const lines = DIMENSIONS.map((d, k) => {
    const pts = points
      .map((s, i) => [i, s.dimensions?.[d], s.startedAt] as const)
      .filter((p): p is readonly [number, number, number] => typeof p[1] === 'number');
    if (pts.length === 0) return '';
    const path = pts.map(([i, v]) => `${x(i).toFixed(1)},${y(v, k).toFixed(1)}`).join(' ');
    return (
      `<polyline fill="none" stroke="${COLORS[k]}" stroke-width="2" points="${path}"><title>${d}</title></polyline>` +
      pts
        .map(
          ([i, v, t]) =>
            `<circle cx="${x(i).toFixed(1)}" cy="${y(v, k).toFixed(1)}" r="3" fill="${COLORS[k]}"><title>${d} ${v} (${day(t)})</title></circle>`,
        )
        .join('')
    );
  }).join('');
  const legend = DIMENSIONS.map((d, k) => `<text x="${pad + k * 120}" y="14" font-size="12" fill="${COLORS[k]}">${d}</text>`).join('');
  const axis = [0, 50, 100]
    .map(
      (v) =>
        `<line x1="${pad}" x2="${w - pad}" y1="${y(v, 2)}" y2="${y(v, 2)}" stroke="#ddd"/><text x="2" y="${y(v, 2) + 4}" font-size="10">${v}</text>`,
    )
    .join('');
  const ticks = points.length ? [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])] : [];
  const dates = ticks
    .map((i) => `<text x="${x(i).toFixed(1)}" y="${h - 4}" font-size="10" text-anchor="middle">${day(points[i]!.startedAt)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="scores per dimension over time" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${axis}${legend}${lines}${dates}</svg>`;
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5rem;max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
mark.finding{background:#ffd54f}ins.finding{background:#c8e6c9;text-decoration:none}.customer{color:#555}</style></head><body>${body}</body></html>`;
}

export function sessionsTable(sessions: SessionSummary[], query: string): string {
  const rows = sessions
    .map(
      (s) =>
        `<tr><td><a href="/trainer/sessions/${encodeURIComponent(s.sessionId)}">${escapeHtml(s.sessionId)}</a></td><td><a href="/trainer?trainee=${encodeURIComponent(s.traineeId)}">${escapeHtml(s.traineeName ?? s.traineeId)}</a></td><td><a href="/trainer?scenario=${encodeURIComponent(s.scenarioId)}">${escapeHtml(s.scenarioId)}</a></td><td>${escapeHtml(new Date(s.startedAt).toISOString())}</td><td>${escapeHtml(s.outcome ?? 'in progress')}</td><td>${s.turns}</td><td>${escapeHtml(s.overall ?? '')}</td></tr>`,
    )
    .join('');
  return `<p><a href="/trainer/export/sessions.csv${query}">sessions.csv</a> · <a href="/trainer/export/turns.csv${query}">turns.csv</a></p><table><thead><tr><th>session</th><th>trainee</th><th>scenario</th><th>started</th><th>outcome</th><th>turns</th><th>overall</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function transcript(turns: TurnRecord[]): string {
  return turns
    .map(
      (t) =>
        `<section class="turn"><h3>Turn ${t.turn}${t.interrupted ? ' (interrupted)' : ''}</h3><p class="customer">${escapeHtml(t.customer)}</p><p class="reply">${highlight(t.reply, t.evaluation.findings)}</p><ul>${t.evaluation.findings
          .map(
            (f) =>
              `<li>${escapeHtml(f.evaluator)}/${escapeHtml(f.rule)} “${escapeHtml(f.text)}”: ${escapeHtml(f.message)}${f.suggestion ? ` — ${escapeHtml(f.suggestion)}` : ''}</li>`,
          )
          .join('')}</ul><p class="customer">${escapeHtml(t.answer)}</p></section>`,
    )
    .join('');
}

export function disputesList(disputes: StoredDispute[]): string {
  if (disputes.length === 0) return '<p>No open disputes.</p>';
  return `<ul>${disputes
    .map(
      (d) =>
        `<li><a href="/trainer/sessions/${encodeURIComponent(d.sessionId)}">${escapeHtml(d.sessionId)}</a> turn ${d.turn}: ${escapeHtml(d.finding.evaluator)}/${escapeHtml(d.finding.rule)} “${escapeHtml(d.finding.text)}” ${d.comment ? `— ${escapeHtml(d.comment)}` : ''} <a href="/trainer/disputes/${encodeURIComponent(d.sessionId)}/${d.turn}.yaml">corpus case</a> · <a href="/trainer/disputes/${encodeURIComponent(d.sessionId)}/${d.turn}.jsonl">flag-corpus line</a></li>`,
    )
    .join('')}</ul>`;
}
