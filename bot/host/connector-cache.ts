// CloudAdapter builds a new ConnectorClient (credentials and an Azure HTTP pipeline) and a
// new user-token client for every incoming activity, even when the replies go back in the
// HTTP response (expectReplies) and neither is used: about a tenth of a bot turn's CPU
// under load. botbuilder's older BotFrameworkAdapter kept one connector client per service URL,
// app id and OAuth scope; this does the same for CloudAdapter. The clients hold no
// per-turn state, only credentials (whose token cache is then reused too) and the pipeline.
import type {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';
import { JwtTokenValidation } from 'botframework-connector';
import { Lru } from '../state/lru.ts';

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

/** Makes `auth` hand CloudAdapter the same clients for the same app id, service URL and audience. */
export function reuseConnectorClients(auth: BotFrameworkAuthentication, size = 64): void {
  const connectors = new Lru<Promise<ConnectorClient>>(size);
  const tokenClients = new Lru<Promise<UserTokenClient>>(size);

  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticate(activity, authHeader);
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
}
