// What the dashboard shows, as files: CSV of sessions and of turns, JSON, and a
// dispute as a regression case for the evaluator corpus (test/corpus/<evaluator>/<locale>.yaml).
import { stringify } from 'yaml';
import { DIMENSIONS } from '../../evaluators/types.ts';
import type { SessionSummary, StoredDispute, TrainingRecords, TurnRecord } from '../records/types.ts';

export function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export function sessionsCsv(sessions: SessionSummary[]): string {
  return csv([
    ['session_id', 'trainee_id', 'trainee_name', 'scenario_id', 'locale', 'mode', 'started_at', 'ended_at', 'outcome', 'turns', 'overall', ...DIMENSIONS],
    ...sessions.map((s) => [s.sessionId, s.traineeId, s.traineeName, s.scenarioId, s.locale, s.mode, iso(s.startedAt), iso(s.endedAt), s.outcome, s.turns, s.overall, ...DIMENSIONS.map((d) => s.dimensions?.[d] ?? '')]),
  ]);
}

export function turnsCsv(turns: TurnRecord[]): string {
  return csv([
    ['session_id', 'turn', 'customer', 'customer_at', 'customer_until', 'reply', 'reply_at', 'interrupted', 'answer', ...DIMENSIONS.map((d) => `score_${d}`), 'findings'],
    ...turns.map((t) => [
      t.sessionId,
      t.turn,
      t.customer,
      iso(t.customerAt),
      iso(t.customerUntil),
      t.reply,
      iso(t.replyAt),
      t.interrupted,
      t.answer,
      ...DIMENSIONS.map((d) => t.evaluation.scores[d]),
      t.evaluation.findings.map((f) => `${f.evaluator}/${f.rule}: ${f.text}`).join('; '),
    ]),
  ]);
}

export interface ReportData {
  sessions: SessionSummary[];
  turns: TurnRecord[];
}

export async function loadReport(records: TrainingRecords, filter: Parameters<NonNullable<TrainingRecords['listSessions']>>[0]): Promise<ReportData> {
  if (!records.listSessions || !records.sessionTurns) throw new Error('this store cannot list sessions');
  const sessions = await records.listSessions(filter);
  const turns: TurnRecord[] = [];
  for (const s of sessions) turns.push(...(await records.sessionTurns(s.sessionId)));
  return { sessions, turns };
}

/**
 * The disputed finding as a corpus case. A dispute says "this finding is wrong",
 * so the case goes on the side where the reply is NOT flagged with those words;
 * a reviewer decides whether to keep it.
 */
export function disputeFixture(dispute: StoredDispute, turn: TurnRecord | undefined, locale: string): string {
  const entry = {
    description: `Disputed ${dispute.finding.evaluator}/${dispute.finding.rule} on "${dispute.finding.text}" (session ${dispute.sessionId}, turn ${dispute.turn})${dispute.comment ? `: ${dispute.comment}` : ''}`,
    customer: turn?.customer ?? '',
    reply: turn?.reply ?? dispute.finding.text,
    findings: [],
    also: { disputedFinding: { text: dispute.finding.text, span: dispute.finding.span, rule: dispute.finding.rule } },
  };
  return `# test/corpus/${dispute.finding.evaluator}/${locale === 'zh-TW' ? 'zh-TW' : locale}.yaml — under the not-flagged cases\n${stringify([entry])}`;
}
