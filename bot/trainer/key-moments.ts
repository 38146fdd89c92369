// Key moments as a session's score card records them (declared per scenario). Older
// sessions have none; a record whose shape is not understood is skipped, never guessed.
import type { ScoreCard } from '../../evaluators/index.ts';
import type { DashLocale } from './i18n.ts';

export interface MomentResult {
  id: string;
  /** The moment's name per locale, as the scenario declares it. */
  label: Partial<Record<DashLocale, string>>;
  met: boolean;
  /** The turn that met it, when one did. */
  turn?: number;
  /** False when it is held over every turn and its state never came. */
  arose?: false;
}

function labelOf(value: unknown): Partial<Record<DashLocale, string>> {
  if (typeof value === 'string') return { 'zh-CN': value, en: value };
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const out: Partial<Record<DashLocale, string>> = {};
    if (typeof v['zh-CN'] === 'string') out['zh-CN'] = v['zh-CN'];
    if (typeof v.en === 'string') out.en = v.en;
    return out;
  }
  return {};
}

function metOf(m: Record<string, unknown>): boolean | undefined {
  for (const key of ['met', 'hit', 'achieved', 'done']) if (typeof m[key] === 'boolean') return m[key] as boolean;
  if (typeof m.missed === 'boolean') return !m.missed;
  if (typeof m.status === 'string') return ['met', 'hit', 'achieved', 'done'].includes(m.status);
  if (typeof m.turn === 'number') return true;
  return undefined;
}

export function keyMomentsOf(report: ScoreCard | undefined): MomentResult[] {
  const list = (report as { keyMoments?: unknown } | undefined)?.keyMoments;
  if (!Array.isArray(list)) return [];
  const out: MomentResult[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const m = item as Record<string, unknown>;
    const met = metOf(m);
    if (typeof m.id !== 'string' || met === undefined) continue;
    const label = labelOf(m.label ?? m.title ?? m.name ?? m.description);
    out.push({
      id: m.id,
      label,
      met,
      ...(typeof m.turn === 'number' ? { turn: m.turn } : {}),
      ...(m.arose === false ? { arose: false as const } : {}),
    });
  }
  return out;
}

export function momentLabel(moment: Pick<MomentResult, 'id' | 'label'>, locale: DashLocale): string {
  return moment.label[locale] ?? moment.label['zh-CN'] ?? moment.label.en ?? moment.id;
}
