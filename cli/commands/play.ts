import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import { endSession, loadLibrary, replyToSession, startSession, MAX_REPLY_CHARS } from '../../scenarios/index.ts';
import type { CustomerLine, PacingOptions, Scenario, SessionStateJson, TurnOutput } from '../../scenarios/index.ts';
import type { InputLocale, ReplyEvaluation, RuleLocale, ScoreCard } from '../../evaluators/types.ts';
import { renderScoreCardText } from '../../evaluators/report/render-text.ts';

const usage = `Usage: roleplay play <scenario-id> [--locale zh-CN|en|zh-TW] [--seed N] [--no-pacing] [--json]

Plays a scenario in the terminal: the customer speaks, you type your replies.
When standard input is not a terminal, each input line is one reply.
  --locale     language of the customer and of your replies (default zh-CN; zh-TW input is accepted)
  --seed N     same seed, same customer lines (default 1)
  --no-pacing  print the customer's lines at once (no pauses, no interruptions)
  --json       one JSON object per line per event; the last line is {"type":"end",...}`;

const PACING: PacingOptions = { enabled: true, msPerChar: 60, minPauseMs: 600, maxPauseMs: 2500 };
/** With pacing off the clock is virtual: a minute per turn, so no reply counts as an interruption. */
const VIRTUAL_TURN_MS = 60_000;

const LOCALES: InputLocale[] = ['zh-CN', 'en', 'zh-TW'];

/** Control characters and replacement characters left by binary input. */
// eslint-disable-next-line no-control-regex
const GARBAGE = /[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g;

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

const text = {
  customer: { 'zh-CN': '顾客', en: 'Customer' },
  you: { 'zh-CN': '你', en: 'You' },
  empty: { 'zh-CN': '（空回复已跳过）', en: '(empty reply skipped)' },
  garbage: { 'zh-CN': '（输入含有无法识别的字符，已去掉）', en: '(unreadable characters removed from the input)' },
  clipped: { 'zh-CN': `（回复过长，只读取前 ${MAX_REPLY_CHARS} 个字符）`, en: `(reply too long: only the first ${MAX_REPLY_CHARS} characters were read)` },
  interrupted: { 'zh-CN': '（你打断了顾客）', en: '(you cut the customer off)' },
  ended: { 'zh-CN': '结局', en: 'Ending' },
} satisfies Record<string, Record<RuleLocale, string>>;

const command: Command = {
  name: 'play',
  summary: 'play a scenario in the terminal (or scripted through standard input)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {
      locale: { type: 'string' },
      seed: { type: 'string' },
      'no-pacing': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('name one scenario id (see `roleplay list`)');
    const inputLocale = (values.locale ?? 'zh-CN') as InputLocale;
    if (!LOCALES.includes(inputLocale)) throw new UsageError(`unknown locale "${values.locale}": use zh-CN, en or zh-TW`);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0, not "${values.seed}"`);
    const locale: RuleLocale = inputLocale === 'en' ? 'en' : 'zh-CN';
    const { scenarios } = loadLibrary();
    const scenario = scenarios.get(positionals[0]!);
    if (!scenario) {
      const known = [...scenarios.keys()].join(', ') || 'none';
      io.stderr.write(`roleplay play: unknown scenario "${positionals[0]}" (known: ${known})\n`);
      return 2;
    }
    const json = values.json === true;
    const tty = io.stdin.isTTY === true;
    const paced = !values['no-pacing'];
    return play(scenario, { inputLocale, locale, seed, json, tty, paced }, io.stdin, io.stdout);
  },
};
export default command;

interface PlayOptions {
  inputLocale: InputLocale;
  locale: RuleLocale;
  seed: number;
  json: boolean;
  tty: boolean;
  paced: boolean;
}

async function play(scenario: Scenario, o: PlayOptions, stdin: NodeJS.ReadableStream, out: Writable): Promise<number> {
  const emit = (event: Record<string, unknown>) => out.write(`${JSON.stringify(event)}\n`);
  const say = (line: string) => out.write(`${line}\n`);
  const note = (message: string) => (o.json ? emit({ type: 'note', message }) : say(message));
  let virtual = 0;
  const clock = () => (o.paced ? Date.now() : (virtual += VIRTUAL_TURN_MS));

  const speak = async (output: TurnOutput) => {
    for (const line of output.lines) await speakLine(line);
  };
  const speakLine = async (line: CustomerLine) => {
    if (o.json) {
      emit({ type: 'customer', kind: line.kind, ref: line.ref, parts: line.parts.map((p) => p.text), text: line.parts.map((p) => p.text).join(' ') });
      return;
    }
    let last = 0;
    for (const part of line.parts) {
      // Only a person at a terminal benefits from the pauses.
      if (o.paced && o.tty && part.atMs > last) await sleep(part.atMs - last);
      last = part.atMs;
      say(`${text.customer[o.locale]}: ${part.text}`);
    }
  };

  const started = startSession(scenario, { locale: o.inputLocale, seed: o.seed, now: clock(), pacing: o.paced ? PACING : undefined });
  let session: SessionStateJson = started.session;
  if (o.json) emit({ type: 'start', scenario: scenario.id, title: scenario.title[o.locale], locale: o.locale });
  else say(`== ${scenario.title[o.locale]} ==\n${scenario.summary[o.locale]}\n`);
  await speak(started.output);

  const rl = createInterface({ input: stdin, terminal: o.tty, crlfDelay: Infinity });
  if (o.tty) {
    rl.setPrompt(`${text.you[o.locale]}> `);
    rl.prompt();
  }
  try {
    for await (const rawLine of rl) {
      let line = rawLine;
      if (GARBAGE.test(line)) {
        line = line.replace(GARBAGE, '');
        note(text.garbage[o.locale]);
      }
      if (!line.trim()) {
        note(text.empty[o.locale]);
        if (o.tty) rl.prompt();
        continue;
      }
      const result = replyToSession(scenario, session, line, clock());
      session = result.session;
      if (result.clipped) note(text.clipped[o.locale]);
      if (o.json) emit({ type: 'findings', turn: session.turns, interrupted: result.interrupted, clipped: result.clipped, detected: result.evaluation.detected, scores: result.evaluation.scores, findings: result.evaluation.findings });
      else printFindings(result.evaluation, result.interrupted, o.locale, say);
      await speak(result.output);
      if (session.ended) break;
      if (o.tty) rl.prompt();
    }
  } finally {
    rl.close();
  }
  let card: ScoreCard;
  if (session.ended) {
    card = endSession(scenario, session, clock(), session.ended.outcome).card;
  } else {
    const ended = endSession(scenario, session, clock(), 'abandoned');
    session = ended.session;
    card = ended.card;
    await speak(ended.output);
  }
  const outcome = session.ended?.outcome ?? 'abandoned';
  if (o.json) emit({ type: 'end', outcome, turns: session.turns, scores: card.dimensions, overall: card.overall, card });
  else {
    say(`\n${text.ended[o.locale]}: ${outcome}`);
    say(renderScoreCardText(card, o.locale));
  }
  return 0;
}

function printFindings(ev: ReplyEvaluation, interrupted: boolean, locale: RuleLocale, say: (s: string) => void): void {
  if (interrupted) say(`  ${text.interrupted[locale]}`);
  for (const f of ev.findings) {
    const mark = f.polarity === 'good' ? '+' : '-';
    say(`  ${mark} ${f.evaluator}: «${f.text}» ${f.message}${f.polarity === 'bad' && f.suggestion ? ` → ${f.suggestion}` : ''}`);
  }
}
