// Server configuration from the environment (and a .env file), with safe defaults.
import { availableParallelism } from 'node:os';
import { config as loadDotenv } from 'dotenv';

export interface AppConfig {
  port: number;
  host: string;
  /** Listening beyond loopback without an app id needs this explicit opt-in. */
  allowPublic: boolean;
  defaultLocale: 'zh-CN' | 'en';
  pacing: { enabled: boolean; msPerChar: number; minPauseMs: number; maxPauseMs: number };
  maxReplyChars: number;
  defaultMode: 'practice' | 'exam';
  dataDir: string;
  databaseUrl: string;
  trainerToken: string;
  /** `roleplay serve` reloads scenario, concept and lexicon files when they change (WATCH_FILES, default on). */
  watchFiles: boolean;
  /** Turns and score cards on a thread of their own (ENGINE_THREAD; on by default where there is more than one core: docs/benchmarks.md, "Engine thread"). */
  engineThread: boolean;
  /** IANA time zone the dashboard shows dates in (default: the server's). */
  trainerTimeZone: string;
  /** Learning record store: statements endpoint base (…/xAPI/) and its Basic credentials; empty turns sending off. */
  xapi: { endpoint: string; username: string; password: string; base: string };
  directLineTokenTtlSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  MicrosoftAppType: string;
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppTenantId: string;
  /** The address clients use (PUBLIC_URL); its host is the only non-loopback Host answered. */
  publicUrl: string;
  /** Hosts a serviceUrl may name when an app id is set (`*.` for a domain and its subdomains). */
  serviceUrlHosts: string[];
  /** Direct Line token signing secret from DIRECTLINE_SECRET; empty: kept in the database. */
  directLineSecret: string;
  directLineIdentityTtlDays: number;
  directLineConversationTtlHours: number;
  directLinePostsPerMinute: number;
  directLineNewConversationsPerMinute: number;
}

/** The Bot Framework channels' service hosts (Azure Bot Service, Teams in every cloud). */
export const CHANNEL_SERVICE_HOSTS = [
  '*.botframework.com',
  '*.botframework.azure.us',
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

export class ConfigError extends Error {}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new ConfigError(`${name} must be a number ≥ ${min} (got "${raw}")`);
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function str(env: NodeJS.ProcessEnv, name: string, fallback = ''): string {
  return env[name]?.trim() || fallback;
}

/** Reads `.env` (without overriding the real environment) unless `env` is given explicitly. */
export function loadConfig(env?: NodeJS.ProcessEnv): AppConfig {
  if (!env) {
    loadDotenv({ quiet: true });
    env = process.env;
  }
  const locale = str(env, 'DEFAULT_LOCALE', 'zh-CN');
  if (locale !== 'zh-CN' && locale !== 'en') throw new ConfigError(`DEFAULT_LOCALE must be zh-CN or en (got "${locale}")`);
  const mode = str(env, 'DEFAULT_MODE', 'practice');
  if (mode !== 'practice' && mode !== 'exam') throw new ConfigError(`DEFAULT_MODE must be practice or exam (got "${mode}")`);
  const logLevel = str(env, 'LOG_LEVEL', 'info');
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error (got "${logLevel}")`);
  return {
    port: num(env, 'PORT', 3978),
    host: str(env, 'HOST', '127.0.0.1'),
    allowPublic: bool(env, 'ALLOW_PUBLIC', false),
    defaultLocale: locale,
    pacing: {
      enabled: bool(env, 'PACING', true),
      msPerChar: num(env, 'PACING_MS_PER_CHAR', 60),
      minPauseMs: num(env, 'PACING_MIN_MS', 400),
      maxPauseMs: num(env, 'PACING_MAX_MS', 4000),
    },
    maxReplyChars: num(env, 'MAX_REPLY_CHARS', 2000, 1),
    defaultMode: mode,
    dataDir: str(env, 'DATA_DIR', './data'),
    databaseUrl: str(env, 'DATABASE_URL'),
    trainerToken: str(env, 'TRAINER_TOKEN'),
    watchFiles: bool(env, 'WATCH_FILES', true),
    engineThread: bool(env, 'ENGINE_THREAD', availableParallelism() > 1),
    trainerTimeZone: str(env, 'TRAINER_TIME_ZONE'),
    xapi: xapiConfig(env),
    directLineTokenTtlSeconds: num(env, 'DIRECTLINE_TOKEN_TTL', 1800, 1),
    logLevel: logLevel as AppConfig['logLevel'],
    MicrosoftAppType: str(env, 'MicrosoftAppType', 'MultiTenant'),
    MicrosoftAppId: str(env, 'MicrosoftAppId'),
    MicrosoftAppPassword: str(env, 'MicrosoftAppPassword'),
    MicrosoftAppTenantId: str(env, 'MicrosoftAppTenantId'),
    publicUrl: publicUrl(str(env, 'PUBLIC_URL')),
    serviceUrlHosts: str(env, 'SERVICE_URL_HOSTS')
      ? str(env, 'SERVICE_URL_HOSTS')
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean)
      : CHANNEL_SERVICE_HOSTS,
    directLineSecret: secret(str(env, 'DIRECTLINE_SECRET')),
    directLineIdentityTtlDays: num(env, 'DIRECTLINE_IDENTITY_TTL_DAYS', 30, 1),
    directLineConversationTtlHours: num(env, 'DIRECTLINE_CONVERSATION_TTL_HOURS', 24, 1),
    directLinePostsPerMinute: num(env, 'DIRECTLINE_POSTS_PER_MINUTE', 30, 1),
    directLineNewConversationsPerMinute: num(env, 'DIRECTLINE_NEW_CONVERSATIONS_PER_MINUTE', 30, 1),
  };
}

/** Where the product's activity, extension and account IRIs live unless XAPI_ACTIVITY_BASE says otherwise. */
export const DEFAULT_XAPI_BASE = 'https://roleplay-trainer.invalid/xapi';

/** The base IRI of the product's learning-record statements (XAPI_ACTIVITY_BASE). */
export function xapiBase(env: NodeJS.ProcessEnv): string {
  const base = str(env, 'XAPI_ACTIVITY_BASE', DEFAULT_XAPI_BASE);
  if (!/^https?:\/\/[^\s/]+/.test(base)) throw new ConfigError(`XAPI_ACTIVITY_BASE must be an http(s) IRI (got "${base}")`);
  return base;
}

function xapiConfig(env: NodeJS.ProcessEnv): AppConfig['xapi'] {
  const endpoint = str(env, 'XAPI_ENDPOINT');
  const username = str(env, 'XAPI_USERNAME');
  const password = str(env, 'XAPI_PASSWORD');
  const base = xapiBase(env);
  if (!endpoint) return { endpoint: '', username: '', password: '', base };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError(`XAPI_ENDPOINT must be a URL such as https://lrs.example.com/xapi/ (got "${endpoint}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('XAPI_ENDPOINT must be an http(s) URL');
  if (!username || !password) throw new ConfigError('XAPI_ENDPOINT needs XAPI_USERNAME and XAPI_PASSWORD (the LRS key and secret)');
  return { endpoint: url.href.endsWith('/') ? url.href : `${url.href}/`, username, password, base };
}

/** Loopback addresses are safe without an app id: only this machine can reach them. */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

function publicUrl(raw: string): string {
  if (!raw) return '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be a URL such as https://trainer.example.com (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`PUBLIC_URL must be http or https (got "${raw}")`);
  return url.origin;
}

function secret(raw: string): string {
  if (raw && raw.length < 32) throw new ConfigError('DIRECTLINE_SECRET must be at least 32 characters (e.g. openssl rand -base64 32)');
  return raw;
}
