// Adaptive Cards (version 1.5, which Teams renders) and their plain-text fallbacks.
import { CardFactory, type Activity, type Attachment } from 'botbuilder';
import {
  DIMENSIONS,
  DIMENSION_LABELS,
  evaluatorName,
  keyMomentLine,
  SCORE_CARD_WORDS,
  type RuleLocale,
  type ScoreCard,
} from '../../evaluators/index.ts';
import { localized, type ScenarioInfo } from './engine-port.ts';
import { plainText } from './markdown.ts';

export function dimensionName(dimension: string, locale: RuleLocale): string {
  return evaluatorName(dimension, locale);
}

/** A score reads as what was done well ("不打断顾客 100"), in the CLI's words; a finding is named by its problem. */
function scoreLabel(dimension: (typeof DIMENSIONS)[number], locale: RuleLocale): string {
  return DIMENSION_LABELS[dimension][locale];
}

const DIFFICULTY: Record<string, Record<RuleLocale, string>> = {
  easy: { 'zh-CN': '简单', en: 'easy' },
  medium: { 'zh-CN': '中等', en: 'medium' },
  hard: { 'zh-CN': '困难', en: 'hard' },
};

function difficultyName(difficulty: string | number | undefined, locale: RuleLocale): string {
  if (difficulty === undefined) return '-';
  return DIFFICULTY[String(difficulty)]?.[locale] ?? String(difficulty);
}

/**
 * Tip numbers that no renderer takes for an ordered list: "2. …" alone in a TextBlock or a line
 * becomes a list that Web Chat numbers "1." again.
 */
const TIP_NUMBERS = ['①', '②', '③'];

const OUTCOMES: Record<ScoreCard['outcome'], Record<RuleLocale, string>> = {
  resolved: { 'zh-CN': '问题已解决', en: 'resolved' },
  escalated: { 'zh-CN': '顾客要求升级处理', en: 'escalated' },
  abandoned: { 'zh-CN': '中途结束', en: 'ended early' },
  'turn-limit': { 'zh-CN': '回合用完', en: 'out of turns' },
};

/** How the conversation ended, so a trainee sees whether the customer's problem got solved. */
function outcomeLine(card: ScoreCard, locale: RuleLocale): string {
  return `${locale === 'zh-CN' ? '结果' : 'Outcome'}: ${OUTCOMES[card.outcome]?.[locale] ?? card.outcome}`;
}

/**
 * Every scenario carries its own start button inside its block: Teams renders at most six actions in
 * one list, so one card-level list of a button per scenario would drop the scenarios after the fifth.
 */
export function scenarioPickerCard(scenarios: ScenarioInfo[], locale: RuleLocale, mode: 'practice' | 'exam'): Attachment {
  const zh = locale === 'zh-CN';
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: zh ? '选择练习场景' : 'Pick a scenario', weight: 'Bolder', size: 'Medium', wrap: true },
      {
        type: 'TextBlock',
        text: (zh ? '模式：' : 'Mode: ') + (mode === 'exam' ? (zh ? '考试' : 'exam') : zh ? '练习' : 'practice'),
        isSubtle: true,
        wrap: true,
      },
      ...scenarios.map((s) => ({
        type: 'Container',
        separator: true,
        items: [
          {
            type: 'ActionSet',
            actions: [
              { type: 'Action.Submit', title: `▶ ${localized(s.title, locale) || s.id}`, data: { action: 'start', scenarioId: s.id } },
            ],
          },
          { type: 'TextBlock', text: localized(s.setting ?? s.summary, locale), wrap: true, isSubtle: true },
          { type: 'TextBlock', text: `${zh ? '难度' : 'Difficulty'}: ${difficultyName(s.difficulty, locale)}`, size: 'Small' },
        ],
      })),
      ...(scenarios.length === 0 ? [{ type: 'TextBlock', text: zh ? '暂无场景。' : 'No scenarios yet.', wrap: true }] : []),
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: zh ? (mode === 'exam' ? '切换到练习模式' : '切换到考试模式') : mode === 'exam' ? 'Practice mode' : 'Exam mode',
        data: { action: 'mode', mode: mode === 'exam' ? 'practice' : 'exam' },
      },
    ],
  });
}

/** `sessionId` goes into the dispute buttons, so a card still on screen after a new start disputes its own session. */
export function scoreCardAttachment(card: ScoreCard, locale: RuleLocale, final: boolean, sessionId?: string): Attachment {
  const zh = locale === 'zh-CN';
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: scoreCardText(card, locale, final),
    body: [
      {
        type: 'TextBlock',
        text: `${final ? (zh ? '成绩单' : 'Score card') : zh ? '当前成绩' : 'Score so far'}: ${card.title}`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      { type: 'TextBlock', text: `${zh ? '总分' : 'Overall'}: ${card.overall}`, size: 'Large', weight: 'Bolder' },
      ...(final ? [{ type: 'TextBlock', text: outcomeLine(card, locale), wrap: true }] : []),
      {
        type: 'FactSet',
        facts: DIMENSIONS.map((d) => ({
          title: scoreLabel(d, locale),
          value: card.dimensions[d] === null ? 'N/A' : String(card.dimensions[d]),
        })),
      },
      ...serviceBlocks(card, locale),
      ...keyMomentBlocks(card, locale),
      ...card.tips.slice(0, 3).flatMap((tip, i) => [
        { type: 'TextBlock', text: `${TIP_NUMBERS[i] ?? ''} ${plainText(tip.message)}`, wrap: true, separator: true },
        {
          type: 'TextBlock',
          text: tip.quote ? `“${plainText(tip.quote)}” → ${tip.suggestion}` : tip.suggestion,
          wrap: true,
          isSubtle: true,
        },
      ]),
      // Submit buttons carry this input along, so a dispute can say why.
      ...(final && card.tips.length
        ? [
            {
              type: 'Input.Text',
              id: 'comment',
              isMultiline: true,
              maxLength: 1000,
              placeholder: zh ? '如认为判断有误，可写下理由（可选）' : 'If a tip is wrong, say why (optional)',
            },
          ]
        : []),
    ],
    actions: final
      ? [
          ...card.tips.slice(0, 3).map((tip, i) => ({
            type: 'Action.Submit',
            title: zh ? `第 ${i + 1} 条判断有误` : `Tip ${i + 1} is wrong`,
            data: {
              action: 'dispute',
              turn: tip.turn,
              evaluator: tip.dimension,
              rule: tip.message,
              text: tip.quote,
              ...(sessionId ? { sessionId } : {}),
            },
          })),
          { type: 'Action.Submit', title: zh ? '再练一次' : 'Play again', data: { action: 'restart' } },
          { type: 'Action.Submit', title: zh ? '场景列表' : 'Scenarios', data: { action: 'list' } },
        ]
      : [],
  });
}

/** The manuals' service dimensions and the service-style quadrant, as the text card shows them. */
function serviceBlocks(card: ScoreCard, locale: RuleLocale): object[] {
  const w = SCORE_CARD_WORDS[locale];
  const value = (n: number | null) => (n === null ? w.na : String(n));
  return [
    { type: 'TextBlock', text: w.servqual, weight: 'Bolder', wrap: true, separator: true },
    {
      type: 'FactSet',
      facts: [
        { title: w.empathy, value: value(card.servqual.empathy) },
        { title: w.professionalism, value: value(card.servqual.professionalism) },
        { title: w.reliability, value: value(card.servqual.reliability) },
        { title: w.responsiveness, value: value(card.servqual.responsiveness) },
        { title: w.tangibles, value: w.na },
      ],
    },
    {
      type: 'TextBlock',
      text: `${w.style}: ${card.quadrant.label} (${w.technical} ${card.quadrant.technical}, ${w.personal} ${card.quadrant.personal})`,
      wrap: true,
    },
  ];
}

/** The scenario's key moments, ✓ with the turn that met each or ✗. */
function keyMomentBlocks(card: ScoreCard, locale: RuleLocale): object[] {
  if (!card.keyMoments?.length) return [];
  return [
    { type: 'TextBlock', text: SCORE_CARD_WORDS[locale].keyMoments, weight: 'Bolder', wrap: true, separator: true },
    ...card.keyMoments.map((k) => ({
      type: 'TextBlock',
      text: keyMomentLine(k, locale),
      wrap: true,
      spacing: 'None',
      color: k.arose === false ? 'Default' : k.met ? 'Good' : 'Attention',
    })),
  ];
}

const COACH = {
  'zh-CN': { name: '教练', initial: '教' },
  en: { name: 'Coach', initial: 'C' },
} as const;

/**
 * The coach's note as its own sender: a badge with the coach's initial and name heading the card
 * (Teams shows one bot identity, so the card carries the coach's own name and avatar), and
 * `channelData.sender` so the web chat page gives it the coach's avatar.
 */
export function coachActivity(points: string[], locale: RuleLocale): Partial<Activity> {
  const coach = COACH[locale];
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${coach.name}: ${points.join(' / ')}`,
    body: [
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'auto',
            style: 'warning',
            items: [{ type: 'TextBlock', text: coach.initial, weight: 'Bolder', size: 'Medium', horizontalAlignment: 'Center' }],
          },
          {
            type: 'Column',
            width: 'stretch',
            verticalContentAlignment: 'Center',
            items: [{ type: 'TextBlock', text: coach.name, weight: 'Bolder', wrap: true }],
          },
        ],
      },
      ...points.map((p) => ({ type: 'TextBlock', text: `• ${plainText(p)}`, wrap: true, spacing: 'Small' })),
    ],
  });
  return { type: 'message', attachments: [card], channelData: { sender: 'coach', senderName: coach.name } };
}

const BRIEFING = {
  'zh-CN': { title: '任务简报', role: '你的角色', situation: '情况', goal: '目标' },
  en: { title: 'Briefing', role: 'Your role', situation: 'The situation', goal: 'Your goal' },
} as const;

/** Shown before the customer speaks: the trainee's role, the situation and the goal. */
export function briefingAttachment(scenario: ScenarioInfo, locale: RuleLocale): Attachment | undefined {
  const b = scenario.briefing;
  if (!b) return undefined;
  const w = BRIEFING[locale];
  const block = (label: string, text: Partial<Record<RuleLocale, string>>) => [
    { type: 'TextBlock', text: label, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: localized(text, locale), wrap: true, spacing: 'None' },
  ];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${w.title}: ${localized(scenario.title, locale)}\n${w.role}: ${localized(b.role, locale)}\n${w.situation}: ${localized(b.situation, locale)}\n${w.goal}: ${localized(b.goal, locale)}`,
    body: [
      {
        type: 'TextBlock',
        text: `${w.title}: ${localized(scenario.title, locale) || scenario.id}`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      ...block(w.role, b.role),
      ...block(w.situation, b.situation),
      ...block(w.goal, b.goal),
    ],
  });
}

/** For channels without cards: the card's `fallbackText`, so a client that renders the card does not show it twice. */
export function scoreCardText(card: ScoreCard, locale: RuleLocale, final = true): string {
  const zh = locale === 'zh-CN';
  const lines = [
    `${card.title} — ${zh ? '总分' : 'overall'} ${card.overall}`,
    ...(final ? [outcomeLine(card, locale)] : []),
    ...DIMENSIONS.map((d) => `${scoreLabel(d, locale)}: ${card.dimensions[d] === null ? 'N/A' : card.dimensions[d]}`),
    `${SCORE_CARD_WORDS[locale].servqual}: ${SCORE_CARD_WORDS[locale].empathy} ${card.servqual.empathy ?? 'N/A'} · ${SCORE_CARD_WORDS[locale].professionalism} ${card.servqual.professionalism ?? 'N/A'} · ${SCORE_CARD_WORDS[locale].reliability} ${card.servqual.reliability ?? 'N/A'} · ${SCORE_CARD_WORDS[locale].responsiveness} ${card.servqual.responsiveness ?? 'N/A'}`,
    `${zh ? '服务风格' : 'Service style'}: ${card.quadrant.label}`,
    ...(card.keyMoments ?? []).map((k) => keyMomentLine(k, locale)),
    ...card.tips
      .slice(0, 3)
      .map((t, i) => `${TIP_NUMBERS[i] ?? ''} ${plainText(t.message)}${t.quote ? ` “${plainText(t.quote)}”` : ''} → ${t.suggestion}`),
  ];
  return lines.join('\n');
}
