// What the dashboard's pages summarise, computed from the sessions alone (pure, no I/O).
import { DIMENSIONS, type Dimension, type SessionOutcome } from '../../evaluators/index.ts';
import type { SessionSummary } from '../records/types.ts';
import { keyMomentsOf, type MomentResult } from './key-moments.ts';

export type DimensionAverages = Record<Dimension, number | null>;

const round = (n: number) => Math.round(n);

function mean(values: number[]): number | null {
  return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

/** Average per dimension over the finished sessions that scored it (N/A is left out, not counted as 0). */
export function averages(sessions: SessionSummary[]): DimensionAverages {
  const out = {} as DimensionAverages;
  for (const d of DIMENSIONS) out[d] = mean(sessions.map((s) => s.dimensions?.[d]).filter((v): v is number => typeof v === 'number'));
  return out;
}

export function averageOverall(sessions: SessionSummary[]): number | null {
  return mean(sessions.map((s) => s.overall).filter((v): v is number => typeof v === 'number'));
}

/** The dimension with the lowest average; undefined when none was scored. */
export function weakestDimension(avg: DimensionAverages): Dimension | undefined {
  let best: Dimension | undefined;
  for (const d of DIMENSIONS) {
    const v = avg[d];
    if (v === null) continue;
    if (best === undefined || v < (avg[best] as number)) best = d;
  }
  return best;
}

export interface TraineeRow {
  id: string;
  name?: string;
  sessions: number;
  finished: number;
  lastAt: number;
  overall: number | null;
  averages: DimensionAverages;
}

export function traineeRows(sessions: SessionSummary[]): TraineeRow[] {
  const by = new Map<string, SessionSummary[]>();
  for (const s of sessions) by.set(s.traineeId, [...(by.get(s.traineeId) ?? []), s]);
  return [...by.entries()]
    .map(([id, list]) => ({
      id,
      name: list.find((s) => s.traineeName)?.traineeName,
      sessions: list.length,
      finished: list.filter((s) => s.outcome).length,
      lastAt: Math.max(...list.map((s) => s.startedAt)),
      overall: averageOverall(list),
      averages: averages(list),
    }))
    .sort((a, b) => b.lastAt - a.lastAt);
}

export interface MomentTally {
  id: string;
  label: MomentResult['label'];
  missed: number;
  of: number;
}

/** Key moments across sessions, most often missed first (only those missed at least once). */
export function missedMoments(sessions: SessionSummary[]): MomentTally[] {
  const by = new Map<string, MomentTally>();
  for (const s of sessions)
    for (const m of keyMomentsOf(s.report)) {
      const tally = by.get(m.id) ?? { id: m.id, label: m.label, missed: 0, of: 0 };
      tally.of++;
      if (!m.met) tally.missed++;
      by.set(m.id, tally);
    }
  return [...by.values()].filter((m) => m.missed > 0).sort((a, b) => b.missed / b.of - a.missed / a.of || b.missed - a.missed);
}

export const OUTCOMES: readonly SessionOutcome[] = ['resolved', 'escalated', 'abandoned', 'turn-limit'];

export interface ScenarioRow {
  id: string;
  sessions: number;
  finished: number;
  outcomes: Record<SessionOutcome, number>;
  /** Resolved among finished sessions, 0–100; null before any finished. */
  resolveRate: number | null;
  averageTurns: number | null;
  overall: number | null;
  mostMissed?: MomentTally;
}

export function scenarioRows(sessions: SessionSummary[]): ScenarioRow[] {
  const by = new Map<string, SessionSummary[]>();
  for (const s of sessions) by.set(s.scenarioId, [...(by.get(s.scenarioId) ?? []), s]);
  return [...by.entries()]
    .map(([id, list]) => {
      const finished = list.filter((s) => s.outcome);
      const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, finished.filter((s) => s.outcome === o).length])) as Record<
        SessionOutcome,
        number
      >;
      return {
        id,
        sessions: list.length,
        finished: finished.length,
        outcomes,
        resolveRate: finished.length ? round((outcomes.resolved / finished.length) * 100) : null,
        averageTurns: finished.length ? Math.round((finished.reduce((a, s) => a + s.turns, 0) / finished.length) * 10) / 10 : null,
        overall: averageOverall(list),
        mostMissed: missedMoments(list)[0],
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface TrendPoint {
  at: number;
  values: Partial<Record<Dimension, number>>;
}

/** One point per finished session, oldest first. */
export function sessionTrend(sessions: SessionSummary[]): TrendPoint[] {
  return sessions
    .filter((s) => s.dimensions)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((s) => ({
      at: s.startedAt,
      values: Object.fromEntries(DIMENSIONS.flatMap((d) => (typeof s.dimensions?.[d] === 'number' ? [[d, s.dimensions[d]]] : []))),
    }));
}

/** One point per calendar day (in the given time zone) with that day's averages, oldest first. */
export function dailyTrend(sessions: SessionSummary[], dayOf: (ms: number) => string): TrendPoint[] {
  const by = new Map<string, SessionSummary[]>();
  for (const s of sessions.filter((x) => x.dimensions)) by.set(dayOf(s.startedAt), [...(by.get(dayOf(s.startedAt)) ?? []), s]);
  return [...by.values()]
    .map((list) => {
      const avg = averages(list);
      return {
        at: Math.min(...list.map((s) => s.startedAt)),
        values: Object.fromEntries(DIMENSIONS.flatMap((d) => (avg[d] === null ? [] : [[d, avg[d]]]))),
      };
    })
    .sort((a, b) => a.at - b.at);
}
