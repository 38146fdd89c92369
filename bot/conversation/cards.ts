// Adaptive Cards (version 1.5, which Teams renders) and their plain-text fallbacks.
import { CardFactory, type Attachment } from 'botbuilder';
import { DIMENSIONS, type RuleLocale, type ScoreCard, DIMENSION_LABELS } from '../../evaluators/index.ts';
import { localized, type ScenarioInfo } from './engine-port.ts';
import { plainText } from './markdown.ts';

const DIMENSION_NAMES: Record<RuleLocale, Record<string, string>> = {
  'zh-CN': { interrupting: '打断', empathy: '同理心', jargon: '术语', promises: '过度承诺', problemSolving: '解决问题' },
  en: { interrupting: 'Interrupting', empathy: 'Empathy', jargon: 'Jargon', promises: 'Over-promising', problemSolving: 'Problem solving' },
};

export function dimensionName(dimension: string, locale: RuleLocale): string {
  return DIMENSION_NAMES[locale][dimension] ?? dimension;
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
      { type: 'TextBlock', text: `${zh ? '服务风格' : 'Service style'}: ${card.quadrant.label}`, wrap: true },
      ...card.tips.slice(0, 3).flatMap((tip, i) => [
        { type: 'TextBlock', text: `${TIP_NUMBERS[i] ?? ''} ${plainText(tip.message)}`, wrap: true, separator: true },
        { type: 'TextBlock', text: `“${plainText(tip.quote)}” → ${tip.suggestion}`, wrap: true, isSubtle: true },
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

/** For channels without cards: the card's `fallbackText`, so a client that renders the card does not show it twice. */
export function scoreCardText(card: ScoreCard, locale: RuleLocale, final = true): string {
  const zh = locale === 'zh-CN';
  const lines = [
    `${card.title} — ${zh ? '总分' : 'overall'} ${card.overall}`,
    ...(final ? [outcomeLine(card, locale)] : []),
    ...DIMENSIONS.map((d) => `${scoreLabel(d, locale)}: ${card.dimensions[d] === null ? 'N/A' : card.dimensions[d]}`),
    `${zh ? '服务风格' : 'Service style'}: ${card.quadrant.label}`,
    ...card.tips.slice(0, 3).map((t, i) => `${TIP_NUMBERS[i] ?? ''} ${plainText(t.message)} “${plainText(t.quote)}” → ${t.suggestion}`),
  ];
  return lines.join('\n');
}
