// Typed commands and card submits, in Chinese and English, parsed into one shape.
export type BotCommand =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'start'; scenarioId: string }
  | { kind: 'restart' }
  | { kind: 'end' }
  | { kind: 'hint' }
  | { kind: 'score' }
  | { kind: 'history' }
  | { kind: 'mode'; mode: 'practice' | 'exam' }
  | { kind: 'language'; locale: 'zh-CN' | 'en' }
  | { kind: 'dispute'; turn: number; evaluator: string; rule: string; text: string; comment?: string; sessionId?: string }
  | { kind: 'invalid' };

const WORDS: Record<string, BotCommand['kind']> = {
  help: 'help',
  '/help': 'help',
  帮助: 'help',
  幫助: 'help',
  '?': 'help',
  '？': 'help',
  list: 'list',
  列表: 'list',
  场景: 'list',
  restart: 'restart',
  重来: 'restart',
  重來: 'restart',
  end: 'end',
  结束: 'end',
  結束: 'end',
  hint: 'hint',
  提示: 'hint',
  score: 'score',
  成绩: 'score',
  成績: 'score',
  history: 'history',
  我的记录: 'history',
  我的記錄: 'history',
  记录: 'history',
};

/** Null when the text is not a command (so it is a reply to the customer). */
export function parseCommand(text: string): BotCommand | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const lower = t.toLowerCase();
  const word = WORDS[lower];
  if (word) return { kind: word } as BotCommand;
  const m = /^(start|开始|開始)\s*(\S+)$/i.exec(t);
  if (m?.[2]) return { kind: 'start', scenarioId: m[2] };
  const mode = /^(mode|模式)\s*(practice|exam|练习|練習|考试|考試)$/i.exec(t);
  if (mode?.[2]) return { kind: 'mode', mode: /practice|练习|練習/i.test(mode[2]) ? 'practice' : 'exam' };
  const lang = /^(language|lang|语言|語言)\s*(zh|en|中文|英文|english|chinese)$/i.exec(t);
  if (lang?.[2]) return { kind: 'language', locale: /en|英文|english/i.test(lang[2]) ? 'en' : 'zh-CN' };
  return null;
}

function str(v: unknown, max = 200): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : undefined;
}

/** A card submit's `value`; anything missing or forged becomes `invalid`. */
export function parseSubmit(value: unknown): BotCommand {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'invalid' };
  const v = value as Record<string, unknown>;
  switch (v.action) {
    case 'start': {
      const id = str(v.scenarioId, 100);
      return id && /^[\w-]+$/.test(id) ? { kind: 'start', scenarioId: id } : { kind: 'invalid' };
    }
    case 'help':
    case 'list':
    case 'restart':
    case 'end':
    case 'hint':
    case 'score':
    case 'history':
      return { kind: v.action } as BotCommand;
    case 'mode':
      return v.mode === 'practice' || v.mode === 'exam' ? { kind: 'mode', mode: v.mode } : { kind: 'invalid' };
    case 'dispute': {
      const turn = typeof v.turn === 'number' && Number.isInteger(v.turn) && v.turn >= 0 ? v.turn : undefined;
      const evaluator = str(v.evaluator, 40);
      const rule = str(v.rule, 200) ?? '';
      const text = typeof v.text === 'string' ? v.text.slice(0, 500) : '';
      const comment = str(v.comment, 1000);
      const sessionId = str(v.sessionId, 100);
      if (turn === undefined || !evaluator || (sessionId !== undefined && !/^[\w-]+$/.test(sessionId))) return { kind: 'invalid' };
      return { kind: 'dispute', turn, evaluator, rule, text, ...(comment ? { comment } : {}), ...(sessionId ? { sessionId } : {}) };
    }
    default:
      return { kind: 'invalid' };
  }
}
