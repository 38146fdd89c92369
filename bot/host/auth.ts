// How the host authenticates Bot Framework requests: botbuilder's own
// ConfigurationBotFrameworkAuthentication, with the two changes below made in one
// place, once. Both replace methods of that object, so they depend on botbuilder's
// internals as of BOTBUILDER_CHECKED; auth.test.ts fails when another version is
// installed, so the changes are checked again before it ships.
//
// 1. A token signed by the wrong key, with a disallowed algorithm, not yet valid or
//    expired reaches CloudAdapter as a plain jsonwebtoken error, which it answers with
//    500 and the library's message: the caller is unauthorised, so it becomes a 401.
// 2. CloudAdapter builds a new ConnectorClient (credentials and an HTTP pipeline) and a
//    new user-token client for every incoming activity, even when the replies go back
//    in the HTTP response and neither is used. The clients hold no per-turn state,
//    only credentials and the pipeline, so one per app id, service URL and audience is
//    kept, as botbuilder's older BotFrameworkAdapter did.
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationError, JwtTokenValidation } from 'botframework-connector';
import type {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';
import { Lru } from '../state/lru.ts';
import type { AppConfig } from './config.ts';

/** The botbuilder (and botframework-connector) version these changes were checked against. */
export const BOTBUILDER_CHECKED = '4.23.3';

/** jsonwebtoken's errors for a token that is forged, not yet valid or expired. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Cached promises; one that rejects (credentials not reachable) is dropped, so the next turn tries again. */
function memo<T>(cache: Lru<Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.forget(key, made));
  return made;
}

const appIdOf = (identity: ClaimsIdentity): string => JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';

/** Applies both changes to `auth`; `size` bounds each client cache. */
export function adaptAuthentication(auth: BotFrameworkAuthentication, size = 64): BotFrameworkAuthentication {
  const connectors = new Lru<Promise<ConnectorClient>>(size);
  const tokenClients = new Lru<Promise<UserTokenClient>>(size);

  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    let result;
    try {
      result = await authenticate(activity, authHeader);
    } catch (error) {
      if (TOKEN_ERRORS.has((error as { name?: string } | null)?.name ?? '')) throw new AuthenticationError('Unauthorized', 401);
      throw error;
    }
    const factory = result.connectorFactory;
    if (!factory) return result;
    const appId = appIdOf(result.claimsIdentity);
    const cached: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) =>
        memo(connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
    return { ...result, connectorFactory: cached };
  };
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) => memo(tokenClients, appIdOf(identity), () => createUserTokenClient(identity));
  return auth;
}

/** The host's authentication from its configuration. */
export function hostAuthentication(config: AppConfig): BotFrameworkAuthentication {
  return adaptAuthentication(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    }),
  );
}
