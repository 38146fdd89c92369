import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Command, CliIO } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import {
  type PacingOptions,
  type SessionStateJson,
  type TurnOutput,
  type Understanding,
  NO_PACING,
  endSession,
  replyToSession,
  startSession,
  type Scenario,
} from '../../scenarios/index.ts';
import { parseCommand } from '../../bot/conversation/commands/parse.ts';
import { paint, useColour, type Paint } from '../colour.ts';
import { scenarioForPlay } from '../scenario-source.ts';
import {
  clipReply,
  evaluatorName,
  findingQuote,
  OUTCOME_WORDS,
  renderScoreCardText,
  ruleLocale as ruleLocaleOf,
  type InputLocale,
  type ReplyEvaluation,
  type ScoreCard,
} from '../../evaluators/index.ts';

const USAGE = `Usage: roleplay play <scenario-id | file.yaml> [--locale zh-CN|en|zh-TW] [--seed N] [--no-pacing] [--json] [--trace]

Plays a scenario: the customer speaks, you answer after the prompt. Type 结束 or
end to finish the session and see the score card, as in the bot. In a terminal
it is interactive and coloured (unless NO_COLOR is set); otherwise every line
of standard input is one reply, echoed after the prompt so the output reads as
a transcript. A scenario file with errors is reported as file:line:column.

Options:
  --locale L    zh-CN (default), en, or zh-TW (traditional input, zh-CN rules)
  --seed N      seed for the customer's line variants (default 1)
  --no-pacing   print the customer's lines at once (no pauses, no interruptions)
  --json        one JSON object per event and line; the last is {"type":"end",...}
  --trace       after each reply, what the customer understood (clauses, concepts,
                act, intents, question answered) and which transition fired and why
  -h, --help    show this help

Exit status: 0 when the session ran (whatever its outcome), 1 when the scenario file has errors,
2 on misuse or an unknown scenario.`;

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
const PROMPT = { 'zh-CN': '你 > ', en: 'You > ' } as const;
const HOW_TO_END = { 'zh-CN': '(输入“结束”结束练习并查看成绩)', en: '(type "end" to finish and see your score card)' } as const;
const SETTLED = {
  'zh-CN': '(问题已解决。说句结束语送走顾客，或输入“结束”查看成绩)',
  en: '(Solved. Say your closing words, or type "end" to see your score card)',
} as const;

class Printer {
  private timers: NodeJS.Timeout[] = [];
  /** The interactive prompt, redrawn after a customer line arrives while the trainee types. */
  rl?: Interface;
  constructor(
    private io: CliIO,
    private json: boolean,
    private scenario: Scenario,
    private locale: 'zh-CN' | 'en',
    private paced: boolean,
    private c: Paint,
  ) {}

  event(value: object): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(value)}\n`);
  }

  text(line: string): void {
    if (this.json) return;
    if (this.rl && this.io.stdout.isTTY) {
      clearLine(this.io.stdout, 0);
      cursorTo(this.io.stdout, 0);
      this.io.stdout.write(`${line}\n`);
      this.rl.prompt(true);
    } else this.io.stdout.write(`${line}\n`);
  }

  prompt(): string {
    return this.c.prompt(PROMPT[this.locale]);
  }

  /** Piped input is not shown by a terminal: the reply is written after the prompt, as if typed. */
  echo(reply: string): void {
    if (!this.json) this.io.stdout.write(`${this.prompt()}${reply}\n`);
  }

  howToEnd(): void {
    this.text(this.c.dim(HOW_TO_END[this.locale]));
  }

  /** The case is resolved; the trainee's closing words come next. */
  settled(): void {
    this.event({ type: 'settled' });
    this.text(this.c.dim(SETTLED[this.locale]));
  }

  customer(output: TurnOutput): void {
    const who = this.c.customer(`${this.scenario.persona.name[this.locale] || CUSTOMER[this.locale]}`);
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

  /** `reply` is the reply as scored (clipped to the limit): the findings' spans point into it. */
  findings(turn: number, reply: string, evaluation: ReplyEvaluation, interrupted: boolean, clipped: boolean): void {
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
    // Two rules of one evaluator that find something in the same words, or in words one quote holds, read as one
    // line to the trainee: the first.
    const shown: { key: string; quote: string }[] = [];
    for (const f of evaluation.findings) {
      const key = `${f.polarity === 'good' ? '+' : '-'} [${evaluatorName(f.evaluator, this.locale)}]`;
      const quote = findingQuote(reply, f);
      if (shown.some((s) => s.key === key && (s.quote.includes(quote) || quote.includes(s.quote)))) continue;
      shown.push({ key, quote });
      const line = `  ${key} "${quote}" ${f.message}${f.suggestion && f.polarity === 'bad' ? ` → ${f.suggestion}` : ''}`;
      this.text(f.polarity === 'good' ? this.c.good(line) : this.c.bad(line));
    }
  }

  /** What the customer understood of the reply and why they reacted so. */
  trace(u: Understanding): void {
    this.event({ type: 'trace', ...u });
    if (this.json) return;
    const en = this.locale === 'en';
    for (const c of u.clauses)
      this.text(
        `  · "${c.text}" ${en ? 'act' : '行为'}=${c.acts.join('+')} ${en ? 'concepts' : '概念'}=[${c.concepts.join(', ')}]${c.numbers.length ? ` ${en ? 'numbers' : '数目'}=${c.numbers.join(',')}` : ''}`,
      );
    const intents = u.intents.map((i) => `${i.id} ← "${i.clause}"`).join('; ');
    this.text(`  · ${en ? 'intents' : '意图'}: ${intents || (en ? '(none)' : '（无）')}`);
    if (u.question) {
      const also = u.question.also ? ` ${en ? 'and' : '和'} (${u.question.also})` : '';
      this.text(`  · ${en ? 'question' : '问题'}: ${u.question.kind}${u.question.fact ? ` (${u.question.fact})` : ''}${also}`);
    }
    if (u.transition) this.text(`  · ${en ? 'transition' : '转移'}: ${u.transition.from} → ${u.transition.to} (${u.transition.why})`);
    else this.text(`  · ${en ? 'transition: none, the state stays' : '转移：无，状态不变'}`);
    this.text(
      `  · ${en ? 'anger' : '怒气'}: ${u.anger[0]} → ${u.anger[1]} (${u.mood})${u.ending ? `; ${en ? 'ending' : '结局'}: ${u.ending.outcome} (${u.ending.cause})` : ''}`,
    );
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
    this.text(
      this.c.title(`${en ? 'Ending' : '结局'}: ${OUTCOME_WORDS[card.outcome][this.locale]}  (${card.turns} ${en ? 'turns' : '轮'})`),
    );
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
      trace: { type: 'boolean' },
    });
    const locale = values.locale as InputLocale;
    if (!['zh-CN', 'en', 'zh-TW'].includes(locale))
      throw new UsageError(`--locale must be zh-CN, en or zh-TW, not '${String(values.locale)}'`);
    const seed = Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not '${String(values.seed)}'`);
    if (positionals.length !== 1)
      throw new UsageError(positionals.length ? 'give exactly one scenario id' : 'missing scenario id (see `roleplay list`)');
    const found = scenarioForPlay(positionals[0] as string, io.cwd);
    if ('errors' in found) {
      for (const e of found.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}  ${e.path}  ${e.message}\n`);
      return 1;
    }
    if ('unknown' in found) throw new UsageError(`unknown scenario '${found.unknown}'; known: ${found.known.join(', ') || '(none)'}`);
    const scenario = found.scenario;

    const interactive = Boolean(io.stdin.isTTY);
    const paced = interactive && !values['no-pacing'] && !values.json;
    const ruleLocale = ruleLocaleOf(locale, 'zh-CN');
    const c = paint(useColour(io) && !values.json);
    const out = new Printer(io, Boolean(values.json), scenario, ruleLocale, paced, c);
    const started = startSession(scenario, { locale, seed, now: Date.now(), pacing: paced ? TTY_PACING : NO_PACING });
    let session: SessionStateJson = started.session;
    out.text(c.title(`${scenario.title[ruleLocale]} — ${scenario.setting[ruleLocale]}`));
    out.howToEnd();
    out.customer(started.output);

    io.stdin.setEncoding?.('utf8');
    // In a terminal readline writes the prompt and echoes typing; it needs the output for that.
    const rl = createInterface({
      input: io.stdin,
      ...(interactive ? { output: io.stdout, prompt: out.prompt() } : {}),
      crlfDelay: Infinity,
      terminal: interactive,
    });
    if (interactive) {
      out.rl = rl;
      rl.prompt();
    }
    try {
      for await (const raw of rl) {
        const text = raw.replace(/^\uFEFF/, '').trim();
        if (!interactive) out.echo(text);
        if (parseCommand(text)?.kind === 'end') break;
        if (!text) {
          out.note(ruleLocale === 'en' ? 'empty reply skipped' : '空回复，已跳过');
          if (interactive) rl.prompt();
          continue;
        }
        if (unreadable(text)) {
          out.note(ruleLocale === 'en' ? 'unreadable input (binary?) skipped' : '无法识别的输入（二进制？），已跳过');
          continue;
        }
        const clip = clipReply(text);
        if (clip.clipped)
          out.note(ruleLocale === 'en' ? `reply clipped to ${clip.limit} characters` : `回复过长，只读取前 ${clip.limit} 个字符`);
        out.cutOff();
        const result = replyToSession(scenario, session, text, Date.now());
        session = result.session;
        out.findings(session.turns, clip.text, result.evaluation, result.interrupted, result.clipped);
        if (values.trace && result.understanding) out.trace(result.understanding);
        out.customer(result.output);
        if (result.output.settled) out.settled();
        if (session.ended) break;
        if (interactive) rl.prompt();
      }
    } finally {
      out.rl = undefined;
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
