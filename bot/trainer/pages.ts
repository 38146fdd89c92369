// The dashboard's pages: the cohort overview, one trainee, one scenario, one session's
// transcript. Names, never ids, in the page's language; every recorded text is escaped.
import { DIMENSIONS, MISSING_ADVICE, findingQuote, type Finding } from '../../evaluators/index.ts';
import type { SessionFilter, SessionSummary, StoredDispute, TurnRecord } from '../records/types.ts';
import { averagesChart, trendChart } from './charts.ts';
import { dateTime, day, isoDate } from './dates.ts';
import { escapeHtml, highlight } from './html.ts';
import { dimensionLabel, findingLabel, outcomeLabel, t, type TextKey } from './i18n.ts';
import { keyMomentsOf, momentLabel } from './key-moments.ts';
import { shell, type View } from './layout.ts';
import {
  averageOverall,
  averages,
  dailyTrend,
  missedMoments,
  OUTCOMES,
  scenarioRows,
  sessionTrend,
  traineeRows,
  weakestDimension,
  type MomentTally,
} from './stats.ts';

const e = escapeHtml;
const tx = (view: View, key: TextKey, vars?: Record<string, string | number>) => e(t(view.locale, key, vars));

export const traineeName = (s: Pick<SessionSummary, 'traineeName' | 'traineeId'>) => s.traineeName || s.traineeId;
const traineeHref = (id: string) => `/trainer/trainees/${encodeURIComponent(id)}`;
const scenarioHref = (id: string) => `/trainer/scenarios/${encodeURIComponent(id)}`;
const sessionHref = (id: string) => `/trainer/sessions/${encodeURIComponent(id)}`;

function time(ms: number, view: View): string {
  return `<time datetime="${isoDate(ms)}">${e(dateTime(ms, view.clock))}</time>`;
}

function cell(label: string, content: string, cls = ''): string {
  return `<td data-label="${e(label)}"${cls ? ` class="${cls}"` : ''}>${content}</td>`;
}

function table(view: View, headers: { key: TextKey; num?: boolean }[], rows: string[][], empty: TextKey = 'noSessions'): string {
  if (!rows.length) return `<p class="muted">${tx(view, empty)}</p>`;
  const labels = headers.map((h) => t(view.locale, h.key));
  return `<table class="data"><thead><tr>${headers.map((h, i) => `<th${h.num ? ' class="num"' : ''}>${e(labels[i])}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => cell(labels[i] ?? '', c, headers[i]?.num ? 'num' : '')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const score = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '–');

function sessionsTable(view: View, sessions: SessionSummary[], show: { trainee?: boolean; scenario?: boolean } = {}): string {
  const headers: { key: TextKey; num?: boolean }[] = [
    { key: 'started' },
    ...(show.trainee !== false ? [{ key: 'trainee' as const }] : []),
    ...(show.scenario !== false ? [{ key: 'scenario' as const }] : []),
    { key: 'outcome' },
    { key: 'turns', num: true },
    { key: 'overall', num: true },
  ];
  const rows = sessions.map((s) => [
    `<a href="${sessionHref(s.sessionId)}">${time(s.startedAt, view)}</a>`,
    ...(show.trainee !== false ? [`<a href="${traineeHref(s.traineeId)}">${e(traineeName(s))}</a>`] : []),
    ...(show.scenario !== false ? [`<a href="${scenarioHref(s.scenarioId)}">${e(view.scenarioTitle(s.scenarioId))}</a>`] : []),
    outcomeBadge(view, s),
    String(s.turns),
    score(s.overall),
  ]);
  return table(view, headers, rows);
}

function outcomeBadge(view: View, s: Pick<SessionSummary, 'outcome'>): string {
  const cls = s.outcome === 'resolved' ? 'ok' : s.outcome ? 'warn' : '';
  return `<span class="badge ${cls}">${e(outcomeLabel(s.outcome, view.locale))}</span>`;
}

function kpis(items: [TextKey, string][], view: View): string {
  return `<dl class="kpis">${items.map(([k, v]) => `<div class="kpi"><dt>${tx(view, k)}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>`;
}

function momentsList(view: View, moments: MomentTally[]): string {
  if (!moments.length) return `<p class="muted">${tx(view, 'noMoments')}</p>`;
  return `<ul class="plain">${moments
    .map((m) => `<li>${e(momentLabel(m, view.locale))} <span class="badge warn">${tx(view, 'missed')} ${m.missed} / ${m.of}</span></li>`)
    .join('')}</ul>`;
}

export function filterForm(view: View, filter: SessionFilter, sinceText: string, scenarioIds: string[]): string {
  const options = [`<option value="">${tx(view, 'all')}</option>`]
    .concat(
      scenarioIds.map(
        (id) => `<option value="${e(id)}"${id === filter.scenarioId ? ' selected' : ''}>${e(view.scenarioTitle(id))}</option>`,
      ),
    )
    .join('');
  return `<form class="filter" method="get" action="/trainer"><label>${tx(view, 'trainee')}<input name="trainee" value="${e(filter.trainee ?? '')}" placeholder="${tx(view, 'nameOrId')}"></label><label>${tx(view, 'scenario')}<select name="scenario">${options}</select></label><label>${tx(view, 'since')}<input name="since" type="date" value="${e(sinceText)}"></label><button class="primary" type="submit">${tx(view, 'filter')}</button></form>`;
}

export interface OverviewData {
  sessions: SessionSummary[];
  disputes: StoredDispute[];
  filter: SessionFilter;
  sinceText: string;
  scenarioIds: string[];
  now: number;
  notice?: string;
}

export function overviewPage(view: View, data: OverviewData): string {
  const { sessions } = data;
  const trainees = traineeRows(sessions);
  const scenarios = scenarioRows(sessions);
  const avg = averages(sessions);
  const query = new URLSearchParams();
  if (data.filter.trainee) query.set('trainee', data.filter.trainee);
  if (data.filter.scenarioId) query.set('scenario', data.filter.scenarioId);
  if (data.sinceText) query.set('since', data.sinceText);
  const qs = query.size ? `?${query}` : '';
  const traineeTable = table(
    view,
    [{ key: 'trainee' }, { key: 'sessions', num: true }, { key: 'lastSession' }, { key: 'overall', num: true }, { key: 'weakest' }],
    trainees.map((r) => {
      const weak = weakestDimension(r.averages);
      return [
        `<a href="${traineeHref(r.id)}">${e(r.name || r.id)}</a>`,
        String(r.sessions),
        time(r.lastAt, view),
        score(r.overall),
        weak ? e(dimensionLabel(weak, view.locale)) : '–',
      ];
    }),
  );
  const scenarioTable = table(
    view,
    [{ key: 'scenario' }, { key: 'sessions', num: true }, { key: 'resolveRate', num: true }, { key: 'avgTurns', num: true }],
    scenarios.map((r) => [
      `<a href="${scenarioHref(r.id)}">${e(view.scenarioTitle(r.id))}</a>`,
      String(r.sessions),
      r.resolveRate === null ? '–' : `${r.resolveRate}%`,
      r.averageTurns === null ? '–' : String(r.averageTurns),
    ]),
  );
  const body = `${data.notice ? `<p class="notice" role="status">${e(data.notice)}</p>` : ''}<h1 class="page-title">${tx(view, 'overview')}</h1>
<section class="card">${filterForm(view, data.filter, data.sinceText, data.scenarioIds)}<p class="exports"><a href="/trainer/export/sessions.csv${e(qs)}">${tx(view, 'exportSessions')}</a><a href="/trainer/export/turns.csv${e(qs)}">${tx(view, 'exportTurns')}</a></p></section>
<section class="card accent">${kpis(
    [
      ['trainees', String(trainees.length)],
      ['sessions', String(sessions.length)],
      ['overall', score(averageOverall(sessions))],
    ],
    view,
  )}</section>
<div class="grid"><section class="card"><h2>${tx(view, 'averagePerDimension')}</h2>${averagesChart(avg, view.clock, data.now)}</section>
<section class="card"><h2>${tx(view, 'trend')}</h2>${trendChart(
    dailyTrend(sessions, (ms) => day(ms, view.clock.timeZone)),
    view.clock,
  )}</section></div>
<div class="grid"><section class="card" id="trainees"><h2>${tx(view, 'trainees')}</h2>${traineeTable}</section>
<section class="card" id="scenarios"><h2>${tx(view, 'scenarios')}</h2>${scenarioTable}</section></div>
<section class="card" id="sessions"><h2>${tx(view, 'sessions')}</h2>${sessionsTable(view, sessions)}</section>
<section class="card" id="disputes"><h2>${tx(view, 'openDisputes')}</h2>${disputesList(view, data.disputes, sessions)}</section>`;
  return shell(view, t(view.locale, 'overview'), body);
}

export function traineePage(view: View, sessions: SessionSummary[], now: number): string {
  const first = sessions[0]!;
  const name = traineeName(first);
  const avg = averages(sessions);
  const weak = weakestDimension(avg);
  const body = `<p><a href="/trainer">← ${tx(view, 'back')}</a></p><h1 class="page-title">${e(name)}</h1>
<section class="card accent">${kpis(
    [
      ['sessions', String(sessions.length)],
      ['overall', score(averageOverall(sessions))],
      ['weakest', weak ? `${dimensionLabel(weak, view.locale)} (${avg[weak]})` : '–'],
      ['lastSession', dateTime(Math.max(...sessions.map((s) => s.startedAt)), view.clock)],
    ],
    view,
  )}</section>
<div class="grid"><section class="card"><h2>${tx(view, 'trendPerDimension')}</h2>${trendChart(sessionTrend(sessions), view.clock)}</section>
<section class="card"><h2>${tx(view, 'averagePerDimension')}</h2>${averagesChart(avg, view.clock, now)}</section></div>
<section class="card"><h2>${tx(view, 'missedMoments')}</h2>${momentsList(view, missedMoments(sessions))}</section>
<section class="card"><h2>${tx(view, 'sessionsOf', { name })}</h2>${sessionsTable(view, sessions, { trainee: false })}</section>`;
  return shell(view, name, body);
}

export function scenarioPage(view: View, scenarioId: string, sessions: SessionSummary[]): string {
  const [row] = scenarioRows(sessions);
  const title = view.scenarioTitle(scenarioId);
  const outcomes = row
    ? table(
        view,
        [{ key: 'outcome' }, { key: 'count', num: true }],
        OUTCOMES.map((o) => [e(outcomeLabel(o, view.locale)), String(row.outcomes[o])]),
      )
    : '';
  const body = `<p><a href="/trainer">← ${tx(view, 'back')}</a></p><h1 class="page-title">${e(title)}</h1>
<section class="card accent">${kpis(
    [
      ['sessions', String(sessions.length)],
      ['resolveRate', row?.resolveRate === null || !row ? '–' : `${row.resolveRate}%`],
      ['avgTurns', row?.averageTurns === null || !row ? '–' : String(row.averageTurns)],
      ['mostMissedMoment', row?.mostMissed ? momentLabel(row.mostMissed, view.locale) : '–'],
    ],
    view,
  )}</section>
<div class="grid"><section class="card"><h2>${tx(view, 'outcomes')}</h2>${outcomes}</section>
<section class="card"><h2>${tx(view, 'missedMoments')}</h2>${momentsList(view, missedMoments(sessions))}</section></div>
<section class="card"><h2>${tx(view, 'sessions')}</h2>${sessionsTable(view, sessions, { scenario: false })}</section>`;
  return shell(view, title, body);
}

function findingLine(view: View, reply: string, f: Finding): string {
  const label = findingLabel(f.evaluator, f.rule, view.locale);
  const mark = f.polarity === 'good' ? `<span class="badge ok">✓ ${e(label)}</span>` : `<span class="badge warn">✗ ${e(label)}</span>`;
  const quote = f.text && f.rule !== 'missing' ? ` “${e(findingQuote(reply, f))}”` : '';
  const suggestion = f.suggestion && f.polarity === 'bad' ? ` — ${tx(view, 'suggestion')}: ${e(f.suggestion)}` : '';
  return `<li>${mark}${quote} ${e(f.message)}${suggestion}</li>`;
}

/** A coach's note recorded with the turn (when the coach wrote one), as plain text lines. */
function coachNotes(turn: TurnRecord): string[] {
  const coach = (turn as { coach?: unknown }).coach;
  if (typeof coach === 'string') return [coach];
  if (Array.isArray(coach)) return coach.filter((c): c is string => typeof c === 'string');
  return [];
}

export function sessionPage(view: View, session: SessionSummary, turns: TurnRecord[], disputes: StoredDispute[]): string {
  const title = `${view.scenarioTitle(session.scenarioId)} — ${traineeName(session)}`;
  const moments = keyMomentsOf(session.report);
  const scores = session.dimensions
    ? table(
        view,
        [{ key: 'dimension' }, { key: 'score', num: true }],
        DIMENSIONS.map((d) => [e(dimensionLabel(d, view.locale)), score(session.dimensions?.[d])]),
      )
    : '';
  const momentList = moments.length
    ? `<ul class="plain">${moments
        .map(
          (m) =>
            `<li>${m.arose === false ? '<span class="badge">–</span>' : m.met ? '<span class="badge ok">✓</span>' : '<span class="badge warn">✗</span>'} ${e(momentLabel(m, view.locale))}${m.turn ? ` · ${tx(view, 'turn', { n: m.turn })}` : ''}${m.arose === false ? ` · ${tx(view, 'notArisen')}` : ''}</li>`,
        )
        .join('')}</ul>`
    : `<p class="muted">${tx(view, 'noMoments')}</p>`;
  const tips = session.report?.tips ?? [];
  const transcript = turns
    .map((turn) => {
      const findings = turn.evaluation.findings;
      const notes = coachNotes(turn);
      const tipLines = tips.filter((tip) => tip.turn === turn.turn).map((tip) => `${tip.message} — ${tip.suggestion}`);
      // A good step the reply lacked has no words to mark; the coach says what was missing.
      const missing = (['empathy', 'problemSolving'] as const).flatMap((d) => {
        const advice = MISSING_ADVICE[d];
        return advice && turn.evaluation.applicable[d] && !turn.evaluation.detected[d]
          ? [
              `<li><span class="badge warn">✗ ${e(findingLabel(d, 'missing', view.locale))}</span> ${e(advice.message[view.locale])} — ${tx(view, 'suggestion')}: ${e(advice.suggestion[view.locale])}</li>`,
            ]
          : [];
      });
      const own = disputes.filter((d) => d.turn === turn.turn);
      return `<article class="turn" id="turn-${turn.turn}"><h3>${tx(view, 'turn', { n: turn.turn })}${turn.interrupted ? ` <span class="badge warn">${tx(view, 'interrupted')}</span>` : ''}</h3>
<p class="said customer"><span class="who">${tx(view, 'customer')}</span>${e(turn.customer)}</p>
<p class="said reply"><span class="who">${tx(view, 'reply')}</span>${highlight(turn.reply, findings, (f) => `${findingLabel(f.evaluator, f.rule, view.locale)}: ${f.message}`)}</p>
<div class="notes"><h4>${tx(view, 'coachNotes')}</h4>${
        findings.length || notes.length || tipLines.length || missing.length
          ? `<ul>${findings.map((f) => findingLine(view, turn.reply, f)).join('')}${missing.join('')}${[...notes, ...tipLines].map((n) => `<li>${e(n)}</li>`).join('')}</ul>`
          : `<p class="muted">${tx(view, 'noFindings')}</p>`
      }</div>
${own.length ? `<ul class="plain">${own.map((d) => disputeItem(view, d, session)).join('')}</ul>` : ''}
<p class="said customer"><span class="who">${tx(view, 'customerAnswer')}</span>${e(turn.answer)}</p></article>`;
    })
    .join('');
  const body = `<p><a href="/trainer">← ${tx(view, 'back')}</a> · <a href="${traineeHref(session.traineeId)}">${e(traineeName(session))}</a> · <a href="${scenarioHref(session.scenarioId)}">${e(view.scenarioTitle(session.scenarioId))}</a></p>
<h1 class="page-title">${e(title)}</h1>
<section class="card accent">${kpis(
    [
      ['started', dateTime(session.startedAt, view.clock)],
      ['outcome', outcomeLabel(session.outcome, view.locale)],
      ['turns', String(session.turns)],
      ['overall', score(session.overall)],
    ],
    view,
  )}</section>
<div class="grid">${scores ? `<section class="card"><h2>${tx(view, 'scoresPerDimension')}</h2>${scores}</section>` : ''}<section class="card"><h2>${tx(view, 'keyMoments')}</h2>${momentList}</section></div>
<section class="card"><h2>${tx(view, 'transcript')}</h2>${transcript || `<p class="muted">${tx(view, 'noData')}</p>`}</section>`;
  return shell(view, title, body);
}

function disputeItem(
  view: View,
  d: StoredDispute,
  session: Pick<SessionSummary, 'sessionId' | 'traineeId' | 'traineeName'> | undefined,
): string {
  const base = `/trainer/disputes/${encodeURIComponent(d.sessionId)}/${d.turn}`;
  const who = session ? e(traineeName(session)) : '';
  const head = `<a href="${sessionHref(d.sessionId)}#turn-${d.turn}">${who ? `${who} · ` : ''}${tx(view, 'turn', { n: d.turn })}</a> <span class="badge">${e(findingLabel(d.finding.evaluator, d.finding.rule, view.locale))}</span> “${e(d.finding.text)}”${d.comment ? `<br><span class="muted">${tx(view, 'traineeComment')}:</span> ${e(d.comment)}` : ''}`;
  const links = `<a href="${base}.yaml">${tx(view, 'corpusCase')}</a> · <a href="${base}.jsonl">${tx(view, 'flagLine')}</a>`;
  if (d.status === 'accepted') return `<li>${head}<br><span class="badge ok">${tx(view, 'accepted')}</span> ${links}</li>`;
  if (d.status === 'rejected')
    return `<li>${head}<br><span class="badge warn">${tx(view, 'rejected')}</span>${d.reason ? ` ${e(d.reason)}` : ''}</li>`;
  const hidden = `<input type="hidden" name="evaluator" value="${e(d.finding.evaluator)}"><input type="hidden" name="rule" value="${e(d.finding.rule)}"><input type="hidden" name="start" value="${d.finding.span[0]}"><input type="hidden" name="end" value="${d.finding.span[1]}">`;
  return `<li>${head}<div class="dispute-actions"><form method="post" action="${base}/decision">${hidden}<input type="hidden" name="decision" value="accepted"><button class="primary" type="submit">${tx(view, 'accept')}</button></form><form method="post" action="${base}/decision" class="stacked">${hidden}<input type="hidden" name="decision" value="rejected"><label>${tx(view, 'reason')}<input name="reason" required maxlength="500"></label><button class="secondary" type="submit">${tx(view, 'reject')}</button></form></div><p class="muted">${links}</p></li>`;
}

export function disputesList(view: View, disputes: StoredDispute[], sessions: SessionSummary[]): string {
  if (!disputes.length) return `<p class="muted">${tx(view, 'noDisputes')}</p>`;
  const byId = new Map(sessions.map((s) => [s.sessionId, s]));
  return `<ul class="plain">${disputes.map((d) => disputeItem(view, d, byId.get(d.sessionId))).join('')}</ul>`;
}

export function messagePage(view: View, status: string): string {
  return shell(view, status, `<p><a href="/trainer">← ${tx(view, 'back')}</a></p><section class="card"><p>${e(status)}</p></section>`);
}
