// One line of the batch-scoring format (docs: score-format.md): JSON in, the
// result or a per-line error out. Pure apart from the scenario lookup it is given.
import type { Dimension, InputLocale, ReplyEvaluation, ScenarioRules, Turn } from '../types.ts';
import { DIMENSIONS } from '../types.ts';
import { evaluateReply } from '../index.ts';

export interface ScoredLine {
  id: string | number;
  detected: ReplyEvaluation['detected'];
  scores: ReplyEvaluation['scores'];
  findings: { evaluator: Dimension; rule: string; span: [number, number]; message: string; suggestion?: string }[];
}

export interface LineError {
  line: number;
  error: string;
}

export interface ScenarioSource {
  lookup(id: string): ScenarioRules | undefined;
  known(id: string): boolean;
}

/** For the identity baseline, which evaluates nothing and so loads no scenarios. */
export const NO_SCENARIOS: ScenarioSource = { lookup: () => undefined, known: () => false };

const LOCALES: readonly string[] = ['zh-CN', 'zh-TW', 'en'];
const DIMENSION_SET: ReadonlySet<string> = new Set(DIMENSIONS);

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function readHistory(value: unknown): Turn[] | string {
  if (!Array.isArray(value)) return `"history" must be an array of {role, text}, got ${typeName(value)}`;
  const turns: Turn[] = [];
  for (const [i, turn] of value.entries()) {
    const t = turn as { role?: unknown; text?: unknown } | null;
    if (!t || typeof t !== 'object' || (t.role !== 'customer' && t.role !== 'trainee') || typeof t.text !== 'string') {
      return `"history[${i}]" must be {"role": "customer" or "trainee", "text": string}`;
    }
    turns.push({ role: t.role, text: t.text });
  }
  return turns;
}

/** Scores one input line; `line` is its 1-based number in the input. */
export function scoreLine(text: string, line: number, scenarios: ScenarioSource): ScoredLine | LineError {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { line, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { line, error: `expected a JSON object, got ${typeName(data)}` };
  const c = data as Record<string, unknown>;
  if (c.id === undefined || c.id === null || c.id === '') return { line, error: 'missing "id"' };
  if (typeof c.id !== 'string' && typeof c.id !== 'number') return { line, error: `"id" must be a string, got ${typeName(c.id)}` };
  if (c.reply === undefined || c.reply === null) return { line, error: 'missing "reply"' };
  if (typeof c.reply !== 'string') return { line, error: `"reply" must be a string, got ${typeName(c.reply)}` };
  const locale = c.locale ?? 'zh-CN';
  if (typeof locale !== 'string' || !LOCALES.includes(locale))
    return { line, error: `"locale" must be one of zh-CN, zh-TW, en, got ${JSON.stringify(locale)}` };
  if (c.customer !== undefined && c.customer !== null && typeof c.customer !== 'string')
    return { line, error: `"customer" must be a string, got ${typeName(c.customer)}` };
  if (c.interrupted !== undefined && c.interrupted !== null && typeof c.interrupted !== 'boolean')
    return { line, error: `"interrupted" must be true or false, got ${typeName(c.interrupted)}` };
  let history: Turn[] | undefined;
  if (c.history !== undefined && c.history !== null) {
    const read = readHistory(c.history);
    if (typeof read === 'string') return { line, error: read };
    history = read;
  }
  let scenario: ScenarioRules | undefined;
  if (c.scenario !== undefined && c.scenario !== null && c.scenario !== '') {
    if (typeof c.scenario !== 'string') return { line, error: `"scenario" must be a scenario id, got ${typeName(c.scenario)}` };
    if (!scenarios.known(c.scenario)) return { line, error: `unknown scenario "${c.scenario}"` };
    scenario = scenarios.lookup(c.scenario);
  }
  const result = evaluateReply(c.reply, {
    locale: locale as InputLocale,
    customer: typeof c.customer === 'string' ? c.customer : undefined,
    history,
    interrupted: c.interrupted === true,
    scenario,
  });
  return {
    id: c.id,
    detected: result.detected,
    scores: result.scores,
    findings: result.findings
      .filter((f) => DIMENSION_SET.has(f.evaluator))
      .map((f) => ({
        evaluator: f.evaluator as Dimension,
        rule: f.rule,
        span: f.span,
        message: f.message,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
      })),
  };
}

export function isLineError(result: ScoredLine | LineError): result is LineError {
  return 'error' in result;
}

const CSV_HEADER = ['line', 'id', ...DIMENSIONS, ...DIMENSIONS.map((d) => `score_${d}`), 'findings', 'error'];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvHeader(): string {
  return CSV_HEADER.join(',');
}

/** One CSV row; findings are summarised as evaluator/rule@start-end, separated by "; ". */
export function csvRow(result: ScoredLine | LineError, line: number): string {
  if (isLineError(result))
    return [String(line), '', ...DIMENSIONS.map(() => ''), ...DIMENSIONS.map(() => ''), '', csvCell(result.error)].join(',');
  const findings = result.findings.map((f) => `${f.evaluator}/${f.rule}@${f.span[0]}-${f.span[1]}`).join('; ');
  return [
    String(line),
    csvCell(String(result.id)),
    ...DIMENSIONS.map((d) => String(result.detected[d])),
    ...DIMENSIONS.map((d) => String(result.scores[d])),
    csvCell(findings),
    '',
  ].join(',');
}
