import { createInterface } from 'node:readline';
import type { Command, CliIO } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import {
  loadLibrary,
  type PacingOptions,
  type SessionStateJson,
  type TurnOutput,
  NO_PACING,
  endSession,
  replyToSession,
  startSession,
  MAX_REPLY_CHARS,
  type Scenario,
} from '../../scenarios/index.ts';
import {
  evaluatorName,
  OUTCOME_WORDS,
  renderScoreCardText,
  type InputLocale,
  type ReplyEvaluation,
  type ScoreCard,
} from '../../evaluators/index.ts';

const USAGE = `Usage: roleplay play <scenario-id> [--locale zh-CN|en|zh-TW] [--seed N] [--no-pacing] [--json]

Plays a scenario: the customer speaks, you answer. In a terminal it is
interactive; otherwise every line of standard input is one reply.

Options:
  --locale L    zh-CN (default), en, or zh-TW (traditional input, zh-CN rules)
  --seed N      seed for the customer's line variants (default 1)
  --no-pacing   print the customer's lines at once (no pauses, no interruptions)
  --json        one JSON object per event and line; the last is {"type":"end",...}
  -h, --help    show this help

Exit status: 0 when the session ran (whatever its outcome), 2 on misuse or an unknown scenario.`;

const TTY_PACING: PacingOptions = { enabled: true, msPerChar: 70, minPauseMs: 500, maxPauseMs: 2500 };

/** Lines that are mostly control characters or undecodable bytes are not replies. */
function unreadable(text: string): boolean {
  const bad = [...text].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return c === '\uFFFD' || (code < 0x20 && code !== 0x09) || code === 0x7f;
  }).length;
  return bad > 0 && bad / text.length > 0.1;
}

const CUSTOMER = { 'zh-CN': '顾客', en: 'Customer' } as const;

class Printer {
  private timers: NodeJS.Timeout[] = [];
  constructor(
    private io: CliIO,
    private json: boolean,
    private scenario: Scenario,
    private locale: 'zh-CN' | 'en',
    private paced: boolean,
  ) {}

  event(value: object): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value)}\n`);
  }

  text(line: string): void {
    if (!this.json) this.io.stdout.write(`${line}\n`);
  }

  customer(output: TurnOutput): void {
    const who = `${this.scenario.persona.name[this.locale] || CUSTOMER[this.locale]}`;
    for (const line of output.lines) {
      this.event({
        type: 'customer',
        kind: line.kind,
        ref: line.ref,
        text: line.parts.map((p) => p.text).join(this.locale === 'en' ? ' ' : ''),
        parts: line.parts,
      });
      if (this.json) continue;
      for (const part of line.parts) {
        if (this.paced && part.atMs > 0) this.timers.push(setTimeout(() => this.text(`${who}: ${part.text}`), part.atMs));
        else this.text(`${who}: ${part.text}`);
      }
    }
  }

  /** The trainee spoke: whatever the customer had not said yet is not said. */
  cutOff(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  findings(turn: number, evaluation: ReplyEvaluation, interrupted: boolean, clipped: boolean): void {
    this.event({
      type: 'findings',
      turn,
      interrupted,
      clipped,
      detected: evaluation.detected,
      scores: evaluation.scores,
      findings: evaluation.findings,
    });
    if (this.json) return;
    for (const f of evaluation.findings) {
      const mark = f.polarity === 'good' ? '+' : '-';
      this.text(
        `  ${mark} [${evaluatorName(f.evaluator, this.locale)}] "${f.text}" ${f.message}${f.suggestion && f.polarity === 'bad' ? ` → ${f.suggestion}` : ''}`,
      );
    }
  }

  note(message: string): void {
    this.event({ type: 'note', message });
    if (!this.json) this.io.stderr.write(`(${message})\n`);
  }

  end(card: ScoreCard): void {
    this.cutOff();
    const scores = { ...card.dimensions, overall: card.overall };
    this.event({ type: 'end', outcome: card.outcome, turns: card.turns, scores, card });
    if (this.json) return;
    const en = this.locale === 'en';
    this.text('');
    this.text(`${en ? 'Ending' : '结局'}: ${OUTCOME_WORDS[card.outcome][this.locale]}  (${card.turns} ${en ? 'turns' : '轮'})`);
    this.text(renderScoreCardText(card, this.locale).trimEnd());
  }
}

const command: Command = {
  name: 'play',
  summary: 'Play a scenario in the terminal',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      locale: { type: 'string', default: 'zh-CN' },
      seed: { type: 'string', default: '1' },
      'no-pacing': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const locale = values.locale as InputLocale;
    if (!['zh-CN', 'en', 'zh-TW'].includes(locale))
      throw new UsageError(`--locale must be zh-CN, en or zh-TW, not '${String(values.locale)}'`);
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not '${String(values.seed)}'`);
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? 'give exactly one scenario id' : 'missing scenario id (see `roleplay list`)');
    const id = positionals[0] as string;
    const { scenarios } = loadLibrary();
    const scenario = scenarios.get(id);
    if (!scenario) throw new UsageError(`unknown scenario '${id}'; known: ${[...scenarios.keys()].join(', ') || '(none)'}`);

    const interactive = Boolean(io.stdin.isTTY);
    const paced = interactive && !values['no-pacing'] && !values.json;
    const ruleLocale = locale === 'en' ? 'en' : 'zh-CN';
    const out = new Printer(io, Boolean(values.json), scenario, ruleLocale, paced);
    const started = startSession(scenario, { locale, seed, now: Date.now(), pacing: paced ? TTY_PACING : NO_PACING });
    let session: SessionStateJson = started.session;
    out.text(`${scenario.title[ruleLocale]} — ${scenario.setting[ruleLocale]}`);
    out.customer(started.output);

    io.stdin.setEncoding?.('utf8');
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: interactive });
    if (interactive) rl.setPrompt('> ');
    if (interactive) rl.prompt();
    try {
      for await (const raw of rl) {
        const text = raw.replace(/^\uFEFF/, '').trim();
        if (!text) {
          out.note(ruleLocale === 'en' ? 'empty reply skipped' : '空回复，已跳过');
          if (interactive) rl.prompt();
          continue;
        }
        if (unreadable(text)) {
          out.note(ruleLocale === 'en' ? 'unreadable input (binary?) skipped' : '无法识别的输入（二进制？），已跳过');
          continue;
        }
        if (text.length > MAX_REPLY_CHARS)
          out.note(ruleLocale === 'en' ? `reply clipped to ${MAX_REPLY_CHARS} characters` : `回复过长，只读取前 ${MAX_REPLY_CHARS} 个字符`);
        out.cutOff();
        const result = replyToSession(scenario, session, text, Date.now());
        session = result.session;
        out.findings(session.turns, result.evaluation, result.interrupted, result.clipped);
        out.customer(result.output);
        if (session.ended) break;
        if (interactive) rl.prompt();
      }
    } finally {
      rl.close();
    }
    const ended = session.ended
      ? endSession(scenario, session, Date.now(), session.ended.outcome)
      : endSession(scenario, session, Date.now(), 'abandoned');
    if (!session.ended) out.customer(ended.output);
    out.end(ended.card);
    return 0;
  },
};
export default command;
