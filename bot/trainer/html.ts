// HTML helpers for the dashboard. Every value that a trainee could have written goes
// through escapeHtml; findings are highlighted on the exact [start,end) span.
import type { Finding } from '../../evaluators/index.ts';

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The reply with each bad finding's span wrapped in <mark>, good ones in <ins>; `describe` gives each one's tooltip. */
export function highlight(reply: string, findings: Finding[], describe: (f: Finding) => string): string {
  const spans = findings
    .filter((f) => f.rule !== 'missing' && f.span[0] >= 0 && f.span[1] <= reply.length && f.span[0] < f.span[1])
    .sort((a, b) => a.span[0] - b.span[0]);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.span[0] < at) continue; // overlapping spans: the first one wins
    out += escapeHtml(reply.slice(at, f.span[0]));
    const tag = f.polarity === 'good' ? 'ins' : 'mark';
    out += `<${tag} class="finding" title="${escapeHtml(describe(f))}">${escapeHtml(reply.slice(f.span[0], f.span[1]))}</${tag}>`;
    at = f.span[1];
  }
  return out + escapeHtml(reply.slice(at));
}
