// Plain-text score card, for the CLI and the bot's text fallback.
import type { KeyMomentResult, RuleLocale, ScoreCard, SessionOutcome } from '../types.ts';
import { DIMENSIONS } from '../types.ts';
import { DIMENSION_LABELS, STYLE_LABELS } from './score-card.ts';

/** The score card's words in both languages, shared by every rendering of the card. */
export const SCORE_CARD_WORDS = {
  'zh-CN': {
    title: '评分卡',
    overall: '总分',
    turns: '回合数',
    outcome: '结果',
    na: '不适用',
    servqual: '服务五维度',
    tangibles: '有形度',
    empathy: '同理度',
    professionalism: '专业度',
    reliability: '信赖度',
    responsiveness: '反应度',
    style: '服务风格',
    technical: '技术面',
    personal: '个人面',
    tips: '最值得改进的三点',
    turn: '第{n}轮',
    better: '更好的说法',
    none: '没有需要特别改进的地方,继续保持。',
    keyMoments: '关键时刻',
    missed: '未做到',
    notArisen: '本场没有出现',
  },
  en: {
    title: 'Score card',
    overall: 'Overall',
    turns: 'Turns',
    outcome: 'Ending',
    na: 'n/a',
    servqual: 'Service dimensions',
    tangibles: 'Tangibles',
    empathy: 'Empathy',
    professionalism: 'Professionalism',
    reliability: 'Reliability',
    responsiveness: 'Responsiveness',
    style: 'Service style',
    technical: 'technical',
    personal: 'personal',
    tips: 'Top things to improve',
    turn: 'turn {n}',
    better: 'Better',
    none: 'Nothing stands out to improve: keep it up.',
    keyMoments: 'Key moments',
    missed: 'missed',
    notArisen: 'did not come up',
  },
} as const;

export const OUTCOME_WORDS: Record<SessionOutcome, Record<RuleLocale, string>> = {
  resolved: { 'zh-CN': '问题解决', en: 'resolved' },
  escalated: { 'zh-CN': '顾客要求升级', en: 'escalated' },
  abandoned: { 'zh-CN': '顾客放弃离开', en: 'customer gave up' },
  'turn-limit': { 'zh-CN': '达到回合上限', en: 'turn limit reached' },
};

export function renderScoreCardText(card: ScoreCard, locale: RuleLocale = card.locale): string {
  const w = SCORE_CARD_WORDS[locale];
  const value = (n: number | null) => (n === null ? w.na : String(n));
  const lines = [
    `${w.title}: ${card.title}`,
    `${w.overall}: ${card.overall}/100   ${w.turns}: ${card.turns}   ${w.outcome}: ${OUTCOME_WORDS[card.outcome]?.[locale] ?? card.outcome}`,
    '',
    ...DIMENSIONS.map((d) => `  ${DIMENSION_LABELS[d][locale]}: ${value(card.dimensions[d])}`),
    '',
    `${w.servqual}:`,
    `  ${w.empathy}: ${value(card.servqual.empathy)}   ${w.professionalism}: ${value(card.servqual.professionalism)}   ${w.reliability}: ${value(card.servqual.reliability)}   ${w.responsiveness}: ${value(card.servqual.responsiveness)}   ${w.tangibles}: ${w.na}`,
    `${w.style}: ${STYLE_LABELS[card.quadrant.style][locale]} (${w.technical} ${card.quadrant.technical}, ${w.personal} ${card.quadrant.personal})`,
    ...(card.keyMoments?.length ? ['', `${w.keyMoments}:`, ...card.keyMoments.map((k) => `  ${keyMomentLine(k, locale)}`)] : []),
    '',
    `${w.tips}:`,
  ];
  if (!card.tips.length) lines.push(`  ${w.none}`);
  card.tips.forEach((tip, i) => {
    // A tip about something missed where no turn was apt quotes none.
    lines.push(
      tip.quote ? `  ${i + 1}. [${w.turn.replace('{n}', String(tip.turn))}] "${tip.quote}" — ${tip.message}` : `  ${i + 1}. ${tip.message}`,
    );
    if (tip.suggestion) lines.push(`     ${w.better}: ${tip.suggestion}`);
  });
  return `${lines.join('\n')}\n`;
}

/** "✓ label (turn 3)", "✗ label", or "– label (did not come up)". */
export function keyMomentLine(k: KeyMomentResult, locale: RuleLocale): string {
  const w = SCORE_CARD_WORDS[locale];
  if (k.arose === false) return `– ${k.label} (${w.notArisen})`;
  return k.met ? `✓ ${k.label}${k.turn !== null ? ` (${w.turn.replace('{n}', String(k.turn))})` : ''}` : `✗ ${k.label}`;
}
