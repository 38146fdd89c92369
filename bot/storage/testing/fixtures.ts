// Records a test can write: one trainee, one session, two turns, a dispute.
import type { ReplyEvaluation, ScoreCard } from '../../../evaluators/index.ts';
import type { Dispute, SessionEnd, SessionStart, TurnRecord } from '../../records/types.ts';

export function evaluation(reply: string, findingText?: string): ReplyEvaluation {
  const start = findingText ? reply.indexOf(findingText) : -1;
  return {
    detected: { interrupting: false, empathy: false, jargon: start >= 0, promises: false, problemSolving: false },
    scores: { interrupting: 100, empathy: 80, jargon: start >= 0 ? 40 : 100, promises: 100, problemSolving: 70 },
    applicable: { interrupting: true, empathy: true, jargon: true, promises: true, problemSolving: true },
    findings:
      start >= 0 && findingText
        ? [
            {
              evaluator: 'jargon',
              rule: 'term',
              span: [start, start + findingText.length],
              text: findingText,
              polarity: 'bad',
              message: 'A term the customer may not know.',
              suggestion: 'Say it in everyday words.',
            },
          ]
        : [],
  };
}

export function sessionStart(sessionId = 's1', overrides: Partial<SessionStart> = {}): SessionStart {
  return {
    sessionId,
    trainee: { id: 'u1', name: 'Lin', channel: 'webchat' },
    conversationId: `c-${sessionId}`,
    scenarioId: 'wrong-change',
    locale: 'zh-CN',
    mode: 'practice',
    startedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function turnRecord(sessionId: string, turn: number, reply: string, findingText?: string): TurnRecord {
  const at = 1_700_000_000_000 + turn * 10_000;
  return {
    sessionId,
    turn,
    customer: `找错钱了！(${turn})`,
    reply,
    customerAt: at,
    customerUntil: at + 2000,
    replyAt: at + 5000,
    interrupted: false,
    evaluation: evaluation(reply, findingText),
    answer: '好吧。',
  };
}

export function scoreCard(overall: number, empathy: number | null = 80): ScoreCard {
  return {
    scenarioId: 'wrong-change',
    title: 'Wrong change',
    locale: 'zh-CN',
    outcome: 'resolved',
    turns: 2,
    dimensions: { interrupting: 100, empathy, jargon: 40, promises: 100, problemSolving: 70 },
    overall,
    servqual: { tangibles: null, empathy, professionalism: 70, reliability: 100, responsiveness: 90 },
    quadrant: { technical: 70, personal: 80, style: 'quality', label: 'quality' },
    tips: [],
    extras: {},
  };
}

export function sessionEnd(sessionId: string, overall: number, endedAt = 1_700_000_100_000): SessionEnd {
  return { sessionId, outcome: 'resolved', endedAt, report: scoreCard(overall) };
}

export function dispute(sessionId: string, turn: number, text: string, reply: string, comment?: string): Dispute {
  const start = reply.indexOf(text);
  return {
    sessionId,
    turn,
    traineeId: 'u1',
    finding: { evaluator: 'jargon', rule: 'term', span: [start, start + text.length], text },
    ...(comment ? { comment } : {}),
    createdAt: 1_700_000_200_000,
  };
}
