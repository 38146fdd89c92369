// What the trainee reads for each evaluator and check: never the internal id.
import type { EvaluatorId, RuleLocale } from '../types.ts';

const NAMES: Record<EvaluatorId, Record<RuleLocale, string>> = {
  interrupting: { 'zh-CN': '打断', en: 'Interrupting' },
  empathy: { 'zh-CN': '同理心', en: 'Empathy' },
  jargon: { 'zh-CN': '术语', en: 'Jargon' },
  promises: { 'zh-CN': '过度承诺', en: 'Over-promising' },
  problemSolving: { 'zh-CN': '解决问题', en: 'Problem solving' },
  addressing: { 'zh-CN': '称呼', en: 'Addressing' },
  positiveWording: { 'zh-CN': '肯定型语言', en: 'Positive wording' },
  requestWording: { 'zh-CN': '请求型语言', en: 'Requests, not commands' },
  provocative: { 'zh-CN': '挑衅性语言', en: 'Provoking words' },
};

/** The trainee-facing name of an evaluator or check; an unknown id reads as a neutral word, never as itself. */
export function evaluatorName(id: string, locale: RuleLocale): string {
  return NAMES[id as EvaluatorId]?.[locale] ?? (locale === 'en' ? 'Other' : '其他');
}
