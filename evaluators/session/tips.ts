// The score card's tips: at most three, the most costly first, each quoting the trainee where
// the fault or the miss happened and suggesting a phrasing taken from this scenario's own data.
// A tip about something missed never quotes a greeting or a reply that only asks or plays back;
// when no turn is apt it quotes none.
import type { Dimension, EvaluatorId, KeyMoment, RuleLocale, ScoreCardTip } from '../types.ts';
import { FULL_LISTENING, type SessionJudgement } from './judge.ts';
import { dueTurns, missedAt } from './key-moments.ts';

const WORDS = {
  'zh-CN': {
    missed: (label: string) => `错过了这个关键时刻:${label}。`,
    keywordList: '这句只是一串关键词,不是对顾客说的话;顾客听不出你要做什么。',
    pasted: '同一句安慰每轮都说,听起来像复制粘贴;要针对顾客此刻说的话回应。',
    noListening: '整场没有向顾客问一句情况,也没有复述确认;动手之前先问清楚、复述一遍。',
    moreListening: '只有一句回复问了情况或复述了顾客的话;再问一句、复述一遍,顾客才知道你把事情听全了。',
    askExample: '本场景可以这样说:"您是说……对吗?"',
    example: (text: string) => `本场景可以这样说:"${text}"`,
    plainWord: (plain: string) => `换成顾客听得懂的说法:"${plain}"。`,
    plainWords: '用顾客听得懂的话说出你要做什么。',
  },
  en: {
    missed: (label: string) => `Missed a key moment: ${label}.`,
    keywordList: 'This reply is a list of keywords, not something said to the customer; they cannot tell what you will do.',
    pasted: 'The same sympathy line in every turn sounds pasted; answer what the customer has just said.',
    noListening: 'You never asked the customer a question or played back what they said; check the facts with them before you act.',
    moreListening: 'Only one reply asked or played back what the customer said; one more check shows you heard the whole story.',
    askExample: 'For example: "So you mean …, is that right?"',
    example: (text: string) => `In this scenario, for example: "${text}"`,
    plainWord: (plain: string) => `Say it the customer's way: "${plain}".`,
    plainWords: 'Say what you will do in words the customer uses.',
  },
} as const;

/** Which key moment's phrasing shows the better way, for each kind of problem (first found wins). */
const EXAMPLE_FOR: Record<EvaluatorId, Dimension[]> = {
  interrupting: ['interrupting', 'empathy'],
  empathy: ['empathy', 'interrupting'],
  jargon: ['problemSolving'],
  promises: ['promises', 'problemSolving'],
  problemSolving: ['problemSolving'],
  provocative: ['empathy', 'interrupting'],
  addressing: ['empathy'],
  positiveWording: ['problemSolving'],
  requestWording: ['problemSolving'],
};

/** How much a kind of fault weighs in ranking, beyond its points. */
const RANK: Record<string, number> = { provocative: 1.5, promises: 1.1, interrupting: 1, jargon: 0.6 };

function quoteOf(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

interface Candidate extends ScoreCardTip {
  cost: number;
}

export function sessionTips(j: SessionJudgement, moments: KeyMoment[] | undefined, locale: RuleLocale): ScoreCardTip[] {
  const w = WORDS[locale];
  const defs = moments ?? [];
  const example = (kind: EvaluatorId): string => {
    for (const d of EXAMPLE_FOR[kind]) {
      const k = defs.find((m) => m.dimension === d);
      if (k) return w.example(k.example[locale]);
    }
    return '';
  };
  const candidates: Candidate[] = [];

  for (const f of j.faults) {
    // The scenario's own correction (a promise its facts rule out, its plain word for its own term) beats
    // a general example; a general term gets this scenario's phrasing of what to do.
    const scenarioOwn =
      f.finding.suggestion &&
      (f.finding.rule === 'facts-rule-out'
        ? f.finding.suggestion
        : f.finding.rule === 'scenario-term'
          ? w.plainWord(f.finding.suggestion)
          : '');
    const suggestion =
      scenarioOwn ||
      (f.kind === 'jargon'
        ? [w.plainWords, example('jargon')].filter(Boolean).join(locale === 'en' ? ' ' : '')
        : example(f.kind) || (f.finding.suggestion ?? ''));
    candidates.push({
      dimension: f.kind,
      rule: f.finding.rule,
      turn: f.turn,
      quote: quoteOf(f.finding.text),
      message: f.finding.message,
      suggestion,
      cost: f.cost * (RANK[f.kind] ?? 1),
    });
  }
  const perMoment = defs.length ? 30 / defs.length : 0;
  const metAt = new Set(
    j.keyMoments.filter((r) => r.met && r.turn !== null && !defs.find((d) => d.id === r.id)?.every).map((r) => r.turn as number),
  );
  for (const result of j.keyMoments) {
    const k = defs.find((m) => m.id === result.id);
    // A moment none of whose turns came up (its state was never reached) was not missed.
    if (!k || result.met || !dueTurns(k, j.turns).length) continue;
    // The turn where the moment was missed; when no turn is apt, the tip quotes none.
    const at = missedAt(k, j.turns, locale, metAt);
    candidates.push({
      dimension: k.dimension,
      rule: `moment:${k.id}`,
      turn: at?.turn ?? 0,
      quote: at ? quoteOf(at.reply) : '',
      message: w.missed(result.label),
      suggestion: w.example(k.example[locale]),
      cost: perMoment * 1.2,
    });
  }
  for (const turn of j.keywordTurns) {
    const t = j.turns.find((x) => x.turn === turn);
    if (t)
      candidates.push({
        dimension: 'problemSolving',
        rule: 'keyword-list',
        turn,
        quote: quoteOf(t.reply),
        message: w.keywordList,
        suggestion: example('problemSolving'),
        cost: 16,
      });
  }
  const pasted = j.pastedTurns[0];
  if (pasted !== undefined) {
    const t = j.turns.find((x) => x.turn === pasted);
    if (t)
      candidates.push({
        dimension: 'empathy',
        rule: 'pasted-empathy',
        turn: pasted,
        quote: quoteOf(t.evaluation.findings.find((f) => f.evaluator === 'empathy' && f.polarity === 'good')?.text || t.reply),
        message: w.pasted,
        suggestion: example('empathy'),
        cost: 6 * j.pastedTurns.length + 6,
      });
  }

  // Listening scores only when the trainee asked or played back; a card that marks it down
  // must say so, unless a missed moment about listening already does.
  const listeningMoment = (c: Candidate) => defs.some((k) => `moment:${k.id}` === c.rule && k.when.shows?.includes('listening'));
  const heard = j.listeningTurns.length;
  if (j.turns.length && heard < FULL_LISTENING && !candidates.some(listeningMoment)) {
    candidates.push({
      dimension: 'interrupting',
      rule: heard ? 'more-listening' : 'no-listening',
      turn: 0,
      quote: '',
      message: heard ? w.moreListening : w.noListening,
      suggestion: w.askExample,
      cost: heard ? 5 : 10,
    });
  }

  candidates.sort((a, b) => b.cost - a.cost || a.turn - b.turn);
  const chosen = new Set<Candidate>();
  // One tip per kind first, so three tips teach three things; then the next most costly.
  const kinds = new Set<string>();
  for (const c of candidates) {
    if (chosen.size >= 3) break;
    if (kinds.has(c.dimension)) continue;
    kinds.add(c.dimension);
    chosen.add(c);
  }
  for (const c of candidates) {
    if (chosen.size >= 3) break;
    // A tip already chosen is found by its own quote (or, quoting nothing, added again to no effect).
    if (![...chosen].some((t) => t.quote && t.turn === c.turn && t.quote === c.quote)) chosen.add(c);
  }
  // In the order of the candidates: the most costly first, then by reply.
  return candidates.filter((c) => chosen.has(c)).map(({ cost: _cost, ...tip }) => tip);
}
