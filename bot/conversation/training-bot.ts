// The training bot: greets, lists scenarios, runs a session against the scenario engine,
// coaches in practice mode and shows the score card at the end. Channel-independent: it
// only uses TurnContext (sendActivity, typing, delay), so /api/messages and Direct Line share it.
import { ActivityHandler, ActivityTypes, type Activity, type Storage, type TurnContext } from 'botbuilder';
import type { SessionStateJson, TurnOutput, PacingOptions } from '../../scenarios/index.ts';
import { type RuleLocale, type SessionOutcome, clipReply, coachPoints, ruleLocale } from '../../evaluators/index.ts';
import type { Dispute, TrainingRecords } from '../records/types.ts';
import type { Logger } from '../host/app-context.ts';
import { parseCommand, parseSubmit, runCommand, type AfterTurn, type BotCommand, type CommandTurn } from './commands/index.ts';
import { coachActivity, scenarioPickerCard, scoreCardAttachment } from './cards.ts';
import type { EnginePort, ScenarioInfo } from './engine-port.ts';
import { messages } from './messages.ts';
import { TurnState } from '../state/turn-state.ts';
import { KeyedQueue } from '../state/keyed-queue.ts';
import { isETagConflict } from '../storage/etag.ts';

export interface ConversationData {
  locale?: RuleLocale;
  mode?: 'practice' | 'exam';
  scenarioId?: string;
  sessionId?: string;
  session?: SessionStateJson;
  /** Bumped for every customer line; a paced delivery stops when it changes. */
  lineId?: number;
  lastCustomer?: string;
  customerAt?: number;
  /** Ids of the latest handled messages: a channel that retries a delivery gets it handled once. */
  handled?: string[];
}

/** turnState key of the trainee's language as the turn resolved it, for the failed-turn message. */
const TRAINEE_LOCALE = 'roleplay.locale';

/** How many recent message ids a conversation remembers for de-duplication. */
const HANDLED_IDS = 32;

export interface UserData {
  locale?: RuleLocale;
}

export interface TrainingBotOptions {
  engine: EnginePort | null;
  /** Where the conversation's and the trainee's state live between turns. */
  storage: Storage;
  /**
   * Items kept in the process between turns (default 0). Only for a store this process
   * alone writes: a turn that changes nothing would not notice another writer.
   */
  stateCacheSize?: number;
  records: TrainingRecords;
  logger: Logger;
  defaultLocale: RuleLocale;
  defaultMode: 'practice' | 'exam';
  pacing: PacingOptions;
  maxReplyChars: number;
  now?: () => number;
}

const MAX_ATTEMPTS = 3;

/** Property names inside the stored items (botbuilder's accessor names, so stored data carries on). */
const CONVERSATION = 'roleplay';
/** Group chats and channels: one practice per trainee, keyed by user id inside the conversation's item. */
const GROUP = 'roleplay-trainees';
const USER = 'roleplay-user';

export class TrainingBot extends ActivityHandler {
  private readonly state: TurnState;
  private readonly turns = new KeyedQueue();
  private readonly now: () => number;

  constructor(private readonly options: TrainingBotOptions) {
    super();
    this.state = new TurnState(options.storage, { cacheSize: options.stateCacheSize ?? 0 });
    this.now = options.now ?? Date.now;

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await this.withState(context, async (data, user) => this.greet(context, data, user));
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.withState(context, async (data, user) => this.handleMessage(context, data, user));
      await next();
    });
  }

  /** Runs one turn serialised per conversation, and re-runs it if another instance wrote the state meanwhile. */
  private async withState(
    context: TurnContext,
    body: (data: ConversationData, user: UserData) => Promise<(() => Promise<void>) | void>,
  ): Promise<void> {
    const key = context.activity.conversation?.id ?? '';
    const pending: { after?: () => Promise<void> } = {};
    await this.turns.run(key, async () => {
      for (let attempt = 1; ; attempt++) {
        const buffered: Parameters<TurnContext['sendActivities']>[0] = [];
        try {
          await this.state.load(context, attempt > 1);
          const data = this.traineeData(context);
          const user = this.state.user<UserData>(context, USER, () => ({}));
          // Replies wait until the state is saved, so a re-run never sends twice.
          context.turnState.set('roleplay.buffer', buffered);
          pending.after = (await body(data, user)) ?? undefined;
          await this.state.save(context);
          context.turnState.delete('roleplay.buffer');
        } catch (error) {
          context.turnState.delete('roleplay.buffer');
          if (attempt < MAX_ATTEMPTS && isETagConflict(error)) {
            this.options.logger.warn('turn.state_conflict', { attempt });
            continue;
          }
          // Nothing of this turn was saved (the state is written last) and nothing was sent:
          // say so in the trainee's language, which only the bot knows, and keep the session.
          this.options.logger.error('turn.error', {
            error: error instanceof Error ? error.message : String(error),
            conversation: context.activity.conversation?.id,
            channel: context.activity.channelId,
          });
          pending.after = undefined;
          const locale: unknown = context.turnState.get(TRAINEE_LOCALE);
          await context.sendActivity(
            messages(typeof locale === 'string' ? locale : ruleLocale(context.activity.locale, this.options.defaultLocale)).error,
          );
          return;
        }
        if (buffered.length) await context.sendActivities(buffered);
        return;
      }
    });
    // Paced parts go out after the lock is released, so a reply meanwhile can interrupt.
    if (pending.after) await pending.after();
  }

  /**
   * In a one-to-one chat the conversation is the trainee's; in a group chat or a Teams channel
   * several trainees share it, so each one's session, mode and language live under their user id.
   */
  private traineeData(context: TurnContext): ConversationData {
    if (!context.activity.conversation?.isGroup) return this.state.conversation<ConversationData>(context, CONVERSATION, () => ({}));
    const trainees = this.state.conversation<Record<string, ConversationData>>(context, GROUP, () => ({}));
    const id = context.activity.from?.id ?? '';
    trainees[id] ??= {};
    return trainees[id];
  }

  private send(context: TurnContext, activity: string | Parameters<TurnContext['sendActivity']>[0]): void {
    const buffer = context.turnState.get('roleplay.buffer') as Parameters<TurnContext['sendActivities']>[0];
    buffer.push(typeof activity === 'string' ? { type: 'message', text: activity } : activity);
  }

  private locale(context: TurnContext, data: ConversationData, user: UserData): RuleLocale {
    // A running session keeps its language even if a client sends another locale per message.
    const running = data.session && !data.session.ended ? data.session.locale : undefined;
    const locale = data.locale ?? user.locale ?? running ?? ruleLocale(context.activity.locale, this.options.defaultLocale);
    // A failed turn is answered in this language too, not in whatever locale the client sent.
    context.turnState.set(TRAINEE_LOCALE, locale);
    return locale;
  }

  private scenarioList(): ScenarioInfo[] {
    return [...(this.options.engine?.scenarios.values() ?? [])];
  }

  private async greet(context: TurnContext, data: ConversationData, user: UserData): Promise<void> {
    const locale = this.locale(context, data, user);
    const m = messages(locale);
    this.send(context, `${m.welcome}\n\n${m.help}`);
    if (!this.options.engine) this.send(context, m.noEngine);
    else
      this.send(context, {
        type: 'message',
        attachments: [scenarioPickerCard(this.scenarioList(), locale, data.mode ?? this.options.defaultMode)],
      });
  }

  private async handleMessage(context: TurnContext, data: ConversationData, user: UserData): Promise<(() => Promise<void>) | void> {
    // The id is stored with the state in the same eTag-checked write, so a retry is
    // recognised even when another server instance handled the first delivery.
    const id = context.activity.id;
    if (id) {
      if (data.handled?.includes(id)) {
        this.options.logger.info('turn.duplicate_ignored', {});
        return;
      }
      data.handled = [...(data.handled ?? []), id].slice(-HANDLED_IDS);
    }
    const m = messages(this.locale(context, data, user));
    // In Teams group chats and channels the message starts with "<at>bot name</at>"; that is addressing, not content.
    const text = withoutBotMention(context.activity);
    const value = context.activity.value as unknown;
    let command: BotCommand | null = null;
    if (value !== undefined && value !== null && text.trim() === '') command = parseSubmit(value);
    else command = parseCommand(text);

    // "开始核对" or "Start over" in the middle of a session is said to the customer, not a command.
    const running = !!data.session && !data.session.ended;
    if (
      command?.kind === 'start' &&
      running &&
      !(value !== undefined && value !== null) &&
      !this.options.engine?.scenarios.has(command.scenarioId)
    )
      command = null;

    if (command) return this.runCommand(context, data, user, command);
    if ((context.activity.attachments?.length ?? 0) > 0 && text.trim() === '') return this.send(context, m.nonText);
    if (text.trim() === '') return this.send(context, m.empty);
    if (!data.session || data.session.ended) {
      this.send(context, m.noSession);
      return this.send(context, m.help);
    }
    return this.reply(context, data, user, text);
  }

  private runCommand(context: TurnContext, data: ConversationData, user: UserData, command: BotCommand): Promise<AfterTurn> {
    const locale = this.locale(context, data, user);
    const turn: CommandTurn = {
      context,
      data,
      user,
      locale,
      m: messages(locale),
      options: this.options,
      now: this.now,
      send: (activity) => this.send(context, activity),
      greet: () => this.greet(context, data, user),
      speak: (output, now) => this.speak(context, data, output, now),
      finish: (scenario, reason, now) => this.finish(context, data, scenario, reason, now),
      abandon: (scenario, now) => this.abandon(data, scenario, now),
      disputedFinding: (dispute) => this.disputedFinding(context, data, dispute),
    };
    return runCommand(turn, command);
  }

  private async finish(
    context: TurnContext,
    data: ConversationData,
    scenario: ScenarioInfo,
    reason: SessionOutcome,
    now: number,
  ): Promise<void> {
    const engine = this.options.engine;
    if (!engine || !data.session) return;
    const locale = data.session.locale;
    const { output, card } = await this.endSession(engine, data, data.session, scenario, reason, now);
    for (const line of output.lines) for (const part of line.parts) this.send(context, part.text);
    this.send(context, messages(locale).ended);
    this.send(context, { type: 'message', attachments: [scoreCardAttachment(card, locale, true, data.sessionId)] });
  }

  /** Ends the running session in the engine and in the records. */
  private async endSession(
    engine: EnginePort,
    data: ConversationData,
    session: SessionStateJson,
    scenario: ScenarioInfo,
    reason: SessionOutcome,
    now: number,
  ): Promise<Awaited<ReturnType<EnginePort['endSession']>>> {
    const ended = await engine.endSession(scenario, session, now, reason);
    data.session = ended.session;
    if (data.sessionId)
      await this.options.records.sessionEnded({
        sessionId: data.sessionId,
        outcome: ended.session.ended?.outcome ?? reason,
        endedAt: now,
        report: ended.card,
      });
    return ended;
  }

  /**
   * The finding a dispute names, as the evaluators recorded it for that turn of the trainee's own
   * session: a submit carries only what the card showed (turn, dimension, message, quote), and
   * anything that does not match a stored finding or a missing good flag is refused.
   */
  private async disputedFinding(
    context: TurnContext,
    data: ConversationData,
    command: Extract<BotCommand, { kind: 'dispute' }>,
  ): Promise<Omit<Dispute, 'createdAt' | 'comment'> | undefined> {
    const traineeId = context.activity.from?.id ?? '';
    const sessionId = command.sessionId ?? data.sessionId;
    if (!sessionId || !this.options.records.sessionTurns) return undefined;
    // A card from an earlier session may still be on screen; it must be one of this trainee's.
    if (sessionId !== data.sessionId && !(await this.options.records.history(traineeId, 100)).some((h) => h.sessionId === sessionId))
      return undefined;
    const turn = (await this.options.records.sessionTurns(sessionId)).find((t) => t.turn === command.turn);
    if (!turn) return undefined;
    const e = turn.evaluation;
    const found =
      e.findings.find(
        (f) => f.evaluator === command.evaluator && f.polarity === 'bad' && (f.message === command.rule || f.text === command.text),
      ) ??
      e.findings.find(
        (f) =>
          f.evaluator === command.evaluator &&
          f.polarity === 'bad' &&
          command.text !== '' &&
          turn.reply.includes(command.text) &&
          f.text.includes(command.text),
      );
    if (found)
      return {
        sessionId,
        turn: turn.turn,
        traineeId,
        finding: { evaluator: found.evaluator, rule: found.rule, span: found.span, text: found.text },
      };
    // The card also advises where empathy or a problem-solving step applied and was not shown.
    const dimension = GOOD_FLAGS.find((d) => d === command.evaluator);
    if (dimension && e.applicable[dimension] && !e.detected[dimension])
      return {
        sessionId,
        turn: turn.turn,
        traineeId,
        finding: { evaluator: dimension, rule: 'missing', span: [0, turn.reply.length], text: turn.reply },
      };
    return undefined;
  }

  /** Ends a running session without a card (the trainee started another), so no record stays "in progress". */
  private async abandon(data: ConversationData, scenario: ScenarioInfo, now: number): Promise<void> {
    const engine = this.options.engine;
    if (!engine || !data.session || data.session.ended) return;
    await this.endSession(engine, data, data.session, scenario, 'abandoned', now);
  }

  private async reply(context: TurnContext, data: ConversationData, user: UserData, raw: string): Promise<(() => Promise<void>) | void> {
    const engine = this.options.engine;
    const locale = this.locale(context, data, user);
    const m = messages(locale);
    const scenario = engine && data.scenarioId ? engine.scenarios.get(data.scenarioId) : undefined;
    if (!engine || !scenario || !data.session) return this.send(context, m.noSession);
    // The configured limit may only lower the one the engine applies, so the trainee hears the limit used.
    const { text, clipped, limit } = clipReply(raw, this.options.maxReplyChars);
    const now = this.now();
    // The line this reply answers: its timestamps must be read before the engine moves on to the next line.
    const customerAt = data.customerAt ?? now;
    const customerUntil = data.session.speakingUntil;
    const result = await engine.replyToSession(scenario, data.session, text, now);
    data.session = result.session;
    if (clipped || result.clipped) this.send(context, m.clipped(limit));
    if (result.interrupted) this.send(context, m.interrupted);
    if (data.session.mode === 'practice') {
      const next = result.session.ended ? undefined : engine.hint(scenario, result.session, locale);
      this.send(
        context,
        coachActivity(
          coachPoints({
            reply: text,
            customer: data.lastCustomer ?? '',
            evaluation: result.evaluation,
            listening: result.listening,
            reading: result.reading,
            locale,
            next,
          }),
          locale,
        ),
      );
    }
    if (data.sessionId) {
      await this.options.records.turnRecorded({
        sessionId: data.sessionId,
        turn: result.session.turns,
        customer: data.lastCustomer ?? '',
        reply: text,
        customerAt,
        customerUntil,
        replyAt: now,
        interrupted: result.interrupted,
        evaluation: result.evaluation,
        answer: result.output.lines.flatMap((l) => l.parts.map((p) => p.text)).join(' '),
      });
    }
    if (result.output.ending || result.session.ended) {
      for (const line of result.output.lines) for (const part of line.parts) this.send(context, part.text);
      result.output.lines = [];
      return this.finish(context, data, scenario, result.output.ending?.outcome ?? 'resolved', now);
    }
    // A resolved case leaves the trainee a closing word; they are told so after the customer's goodbye.
    return this.speak(context, data, result.output, now, result.output.settled ? m.settled : undefined);
  }

  /**
   * Sends the first part now; returns the paced delivery of the rest, to run after the state is saved.
   * A note follows the customer's last part.
   */
  private speak(
    context: TurnContext,
    data: ConversationData,
    output: TurnOutput,
    now: number,
    note?: string,
  ): (() => Promise<void>) | void {
    const parts = output.lines.flatMap((l) => l.parts);
    data.lineId = (data.lineId ?? 0) + 1;
    data.lastCustomer = parts.map((p) => p.text).join(' ');
    data.customerAt = now;
    const paced = this.options.pacing.enabled && context.activity.deliveryMode !== 'expectReplies';
    if (!paced) {
      for (const part of parts) this.send(context, part.text);
      if (note) this.send(context, note);
      // All parts go out in this one response, so the customer has finished speaking when it is
      // sent; the engine's paced timestamps would make the trainee's next message an interruption.
      if (data.session && data.session.speakingUntil > now) data.session = { ...data.session, speakingUntil: now };
      return;
    }
    const [first, ...rest] = parts;
    if (first) this.send(context, first.text);
    if (rest.length === 0) {
      if (note) this.send(context, note);
      return;
    }
    const lineId = data.lineId;
    return async () => {
      let previous = first?.atMs ?? 0;
      for (const part of rest) {
        await context.sendActivities([{ type: ActivityTypes.Typing }, { type: 'delay', value: Math.max(0, part.atMs - previous) }]);
        previous = part.atMs;
        // Another turn (maybe on another instance) may have cut the customer off meanwhile.
        await this.state.load(context, true);
        const current = this.traineeData(context);
        if (current.lineId !== lineId) return;
        await context.sendActivity(part.text);
      }
      if (note) await context.sendActivity(note);
    };
  }
}

/** Dimensions that credit the trainee when shown; where they apply and are absent, that is worth saying. */
const GOOD_FLAGS = ['empathy', 'problemSolving'] as const;

/**
 * The text without the @mentions of the bot. Like TurnContext.removeRecipientMention, but every
 * mention of the bot is removed and a malformed entity (no type, no `mentioned`) is skipped
 * instead of throwing, because entities come from the caller.
 */
export function withoutBotMention(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  if (!botId || !Array.isArray(activity.entities)) return text;
  for (const entity of activity.entities as unknown[]) {
    const e = entity as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } } | null;
    if (
      typeof e?.type !== 'string' ||
      e.type.toLowerCase() !== 'mention' ||
      e.mentioned?.id !== botId ||
      typeof e.text !== 'string' ||
      e.text === ''
    )
      continue;
    text = text.split(e.text).join(' ');
  }
  return text.trim();
}
