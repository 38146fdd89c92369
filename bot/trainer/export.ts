// What the dashboard shows, as files: CSV of sessions and of turns, JSON, and a
// dispute as a regression case for the evaluator corpus (test/corpus/<evaluator>/<locale>.yaml).
import { Document, isMap } from 'yaml';
import { DIMENSIONS, inputLocale, type Dimension, type InputLocale } from '../../evaluators/index.ts';
import type { SessionSummary, StoredDispute, TrainingRecords, TurnRecord } from '../records/types.ts';

/**
 * One CSV cell. A cell a spreadsheet could read as a formula gets a leading apostrophe:
 * one starting with = + - @, a tab or a carriage return, or their full-width forms ＝ ＋ － ＠
 * (Excel and WPS read those as formulas too in Chinese input modes).
 */
export function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
  return /[",\r\n\t]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Byte-order mark first: without it Excel opens UTF-8 as the local code page and Chinese text is garbled. */
export const CSV_BOM = '\uFEFF';

function csv(rows: unknown[][]): string {
  return CSV_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

export function sessionsCsv(sessions: SessionSummary[]): string {
  return csv([
    [
      'session_id',
      'trainee_id',
      'trainee_name',
      'scenario_id',
      'locale',
      'mode',
      'started_at',
      'ended_at',
      'outcome',
      'turns',
      'overall',
      ...DIMENSIONS,
    ],
    ...sessions.map((s) => [
      s.sessionId,
      s.traineeId,
      s.traineeName,
      s.scenarioId,
      s.locale,
      s.mode,
      iso(s.startedAt),
      iso(s.endedAt),
      s.outcome,
      s.turns,
      s.overall,
      ...DIMENSIONS.map((d) => s.dimensions?.[d] ?? ''),
    ]),
  ]);
}

export function turnsCsv(turns: TurnRecord[]): string {
  return csv([
    [
      'session_id',
      'turn',
      'customer',
      'customer_at',
      'customer_until',
      'reply',
      'reply_at',
      'interrupted',
      'answer',
      ...DIMENSIONS.map((d) => `score_${d}`),
      'findings',
    ],
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

export async function loadReport(
  records: TrainingRecords,
  filter: Parameters<NonNullable<TrainingRecords['listSessions']>>[0],
): Promise<ReportData> {
  if (!records.listSessions || !records.sessionTurns) throw new Error('this store cannot list sessions');
  const sessions = await records.listSessions(filter);
  const turns: TurnRecord[] = [];
  for (const s of sessions) turns.push(...(await records.sessionTurns(s.sessionId)));
  return { sessions, turns };
}

/** The session facts a corpus case needs besides the turn. */
export interface FixtureSession {
  locale: string;
  scenarioId?: string;
}

/**
 * A dispute says "this finding is wrong": the trainee did right on that dimension, so the case
 * belongs under `valid:` (for a bad flag: not flagged; for a missing empathy or problem-solving
 * step: shown). The other four flags are what the evaluators said, as booleans for the reviewer
 * to confirm before pasting.
 */
function disputedCase(dispute: StoredDispute, turn: TurnRecord) {
  const dimension = (DIMENSIONS as readonly string[]).includes(dispute.finding.evaluator)
    ? (dispute.finding.evaluator as Dimension)
    : undefined;
  const flags = Object.fromEntries(DIMENSIONS.map((d) => [d, turn.evaluation.detected[d] === true])) as Record<Dimension, boolean>;
  if (dimension) flags[dimension] = GOOD_FLAGS.has(dimension);
  const description = `disputed ${dispute.finding.evaluator}/${dispute.finding.rule} on "${dispute.finding.text}" (session ${dispute.sessionId}, turn ${dispute.turn})${dispute.comment ? `: ${dispute.comment}` : ''}`;
  return { dimension, flags, description };
}

const GOOD_FLAGS: ReadonlySet<Dimension> = new Set(['empathy', 'problemSolving']);

function corpusLocale(locale: string): InputLocale {
  return inputLocale(locale, 'zh-CN');
}

/** The dispute as a case of test/corpus/<evaluator>/<locale>.yaml, in that file's own format. */
export function disputeFixture(dispute: StoredDispute, turn: TurnRecord | undefined, session: FixtureSession): string {
  if (!turn) return `# session ${dispute.sessionId} turn ${dispute.turn}: the turn is not recorded, so there is no case to export.\n`;
  const { dimension, flags, description } = disputedCase(dispute, turn);
  if (!dimension) return `# ${dispute.finding.evaluator} is not one of the five scored flags; the corpus has no file for it.\n`;
  const also = Object.fromEntries(DIMENSIONS.filter((d) => d !== dimension).map((d) => [d, flags[d]]));
  const entry = {
    description,
    customer: turn.customer,
    reply: turn.reply,
    ...(session.scenarioId ? { scenario: session.scenarioId } : {}),
    ...(turn.interrupted ? { interrupted: true } : {}),
    also,
    findings: [],
  };
  const doc = new Document({ valid: [entry] });
  // Flow style for `also`, as the corpus files write it.
  const alsoNode = doc.getIn(['valid', 0, 'also'], true);
  if (isMap(alsoNode)) alsoNode.flow = true;
  return `# test/corpus/${dimension}/${corpusLocale(session.locale)}.yaml — paste the case under \`valid:\` after review\n${doc.toString({ lineWidth: 0 })}`;
}

/** The same dispute as one line of test/corpus-flags/<locale>.jsonl. */
export function disputeFlagLine(dispute: StoredDispute, turn: TurnRecord | undefined, session: FixtureSession): string | undefined {
  if (!turn) return undefined;
  const { flags, description } = disputedCase(dispute, turn);
  return JSON.stringify({
    id: `dispute-${dispute.sessionId.slice(0, 8)}-${dispute.turn}-${dispute.finding.evaluator}`,
    description,
    locale: corpusLocale(session.locale),
    ...(session.scenarioId ? { scenario: session.scenarioId } : {}),
    customer: turn.customer,
    reply: turn.reply,
    ...(turn.interrupted ? { interrupted: true } : {}),
    expect: flags,
  });
}
