// What a bot command gets to work with: the turn, the trainee's data and language, and
// the handler's shared steps (greeting, speaking as the customer, ending a session).
import type { Activity, TurnContext } from 'botbuilder';
import type { RuleLocale, SessionOutcome } from '../../../evaluators/index.ts';
import type { TurnOutput } from '../../../scenarios/index.ts';
import type { Dispute } from '../../records/types.ts';
import type { EnginePort, ScenarioInfo } from '../engine-port.ts';
import type { Messages } from '../messages.ts';
import type { ConversationData, TrainingBotOptions, UserData } from '../training-bot.ts';
import type { BotCommand } from './parse.ts';

/** Paced customer lines still to send once the state is saved, or nothing. */
export type AfterTurn = (() => Promise<void>) | void;

export interface CommandTurn {
  context: TurnContext;
  data: ConversationData;
  user: UserData;
  locale: RuleLocale;
  m: Messages;
  options: TrainingBotOptions;
  now(): number;
  send(activity: string | Partial<Activity>): void;
  greet(): Promise<void>;
  speak(output: TurnOutput, now: number): AfterTurn;
  finish(scenario: ScenarioInfo, reason: SessionOutcome, now: number): Promise<void>;
  abandon(scenario: ScenarioInfo, now: number): Promise<void>;
  disputedFinding(command: Extract<BotCommand, { kind: 'dispute' }>): Promise<Omit<Dispute, 'createdAt' | 'comment'> | undefined>;
}

export interface BotCommandHandler<K extends BotCommand['kind']> {
  /** Commands that need the scenario engine answer "no scenarios" without it. */
  needsEngine: boolean;
  run(turn: CommandTurn, command: Extract<BotCommand, { kind: K }>, engine: EnginePort): Promise<AfterTurn> | AfterTurn;
}

/** Any handler, as the registry holds them (each is called only with its own kinds). */
export interface RegisteredHandler {
  needsEngine: boolean;
  run(turn: CommandTurn, command: never, engine: EnginePort): Promise<AfterTurn> | AfterTurn;
}
