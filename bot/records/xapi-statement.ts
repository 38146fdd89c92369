// A finished session as an xAPI 1.0.3 statement, for a learning management system: the
// trainee (actor) completed (verb) the scenario (activity), with the overall score scaled
// to 0–1, success when the customer's problem was resolved, and the five dimension scores
// as result extensions. The statement id is derived from the session id, so exporting or
// sending a session twice gives the same statement and an LRS keeps it once.
import { createHash } from 'node:crypto';
import { DIMENSIONS } from '../../evaluators/index.ts';
import type { SessionSummary } from './types.ts';

export const XAPI_VERSION = '1.0.3';

type LanguageMap = Record<string, string>;

export interface XapiStatement {
  id: string;
  actor: { objectType: 'Agent'; name?: string; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name: LanguageMap; description?: LanguageMap };
  };
  result: {
    score: { scaled: number; raw: number; min: number; max: number };
    success: boolean;
    completion: boolean;
    duration?: string;
    extensions: Record<string, unknown>;
  };
  context: {
    registration: string;
    platform: string;
    language: string;
    extensions: Record<string, unknown>;
  };
  timestamp: string;
  version: string;
}

export interface StatementOptions {
  /** Base IRI for activities, extensions and trainee accounts (XAPI_ACTIVITY_BASE, see bot/host/config.ts). */
  base: string;
  /** The scenario's title per locale, for the activity's name. */
  scenarioTitle?: (scenarioId: string) => Partial<Record<'zh-CN' | 'en', string>> | undefined;
}

/** A name-based UUID (version 5 layout) from the text: the same session, the same id. */
export function uuidFrom(text: string): string {
  const hex = createHash('sha1').update(`roleplay-trainer:${text}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** ISO 8601 duration (PT…S) between two instants, to the hundredth of a second as xAPI asks. */
export function isoDuration(ms: number): string {
  return `PT${Math.max(0, Math.round(ms / 10) / 100)}S`;
}

const trimBase = (base: string) => base.replace(/\/+$/, '');

/** The IRI of one extension; a trainer's LMS sees these keys. */
export function extensionIri(base: string, name: string): string {
  return `${trimBase(base)}/extensions/${name}`;
}

/** Only finished sessions become statements: an unfinished one has no result yet. */
export function isFinished(s: SessionSummary): s is SessionSummary & { endedAt: number; outcome: NonNullable<SessionSummary['outcome']> } {
  return s.endedAt !== undefined && s.outcome !== undefined;
}

const LANGUAGE_TAG: Record<string, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-US' };

export function sessionStatement(s: SessionSummary, options: StatementOptions): XapiStatement {
  if (!isFinished(s)) throw new Error(`session ${s.sessionId} has not ended`);
  const base = trimBase(options.base);
  const title = options.scenarioTitle?.(s.scenarioId) ?? {};
  const name: LanguageMap = {};
  name['zh-CN'] = title['zh-CN'] ?? s.scenarioId;
  name['en-US'] = title.en ?? s.scenarioId;
  const overall = typeof s.overall === 'number' ? Math.min(100, Math.max(0, s.overall)) : 0;
  const dimensionScores = Object.fromEntries(DIMENSIONS.map((d) => [extensionIri(base, `score-${d}`), s.dimensions?.[d] ?? null]));
  return {
    id: uuidFrom(`statement:${s.sessionId}`),
    actor: {
      objectType: 'Agent',
      ...(s.traineeName ? { name: s.traineeName } : {}),
      account: { homePage: `${base}/trainees/${encodeURIComponent(s.channel ?? 'unknown')}`, name: s.traineeId },
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
    object: {
      objectType: 'Activity',
      id: `${base}/scenarios/${encodeURIComponent(s.scenarioId)}`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/simulation',
        name,
        description: { 'en-US': 'Customer-service role-play scenario', 'zh-CN': '客服情景演练' },
      },
    },
    result: {
      score: { scaled: Math.round(overall) / 100, raw: Math.round(overall), min: 0, max: 100 },
      success: s.outcome === 'resolved',
      completion: true,
      duration: isoDuration(s.endedAt - s.startedAt),
      extensions: {
        ...dimensionScores,
        [extensionIri(base, 'outcome')]: s.outcome,
        [extensionIri(base, 'turns')]: s.turns,
      },
    },
    context: {
      registration: uuidFrom(`registration:${s.sessionId}`),
      platform: 'roleplay-trainer',
      language: LANGUAGE_TAG[s.locale] ?? 'zh-CN',
      extensions: { [extensionIri(base, 'session-id')]: s.sessionId, [extensionIri(base, 'mode')]: s.mode },
    },
    timestamp: new Date(s.endedAt).toISOString(),
    version: XAPI_VERSION,
  };
}
