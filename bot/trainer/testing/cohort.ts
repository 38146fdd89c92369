// A training cohort for dashboard tests: three trainees (小李, 王芳, Lin Chen) over two weeks,
// with findings, key moments, an unfinished session, open disputes and formula-like replies.
import { readFileSync } from 'node:fs';
import type { Dispute, SessionEnd, SessionStart, TrainingRecords, TurnRecord } from '../../records/types.ts';

interface Cohort {
  sessions: SessionStart[];
  turns: TurnRecord[];
  ends: SessionEnd[];
  disputes: Dispute[];
}

export const COHORT = JSON.parse(readFileSync(new URL('./cohort.json', import.meta.url), 'utf8')) as Cohort;

export async function seedCohort(records: TrainingRecords): Promise<void> {
  for (const s of COHORT.sessions) await records.sessionStarted(s);
  for (const t of COHORT.turns) await records.turnRecorded(t);
  for (const e of COHORT.ends) await records.sessionEnded(e);
  for (const d of COHORT.disputes) await records.addDispute(d);
}
