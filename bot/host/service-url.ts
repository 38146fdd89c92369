// Where the bot may post its replies. The serviceUrl comes from the caller, and the bot sends
// its replies (with its own credentials when an app id is set) there: only the channels' hosts
// may be named, or, without an app id, this machine.
import { isLoopback } from './config.ts';

/** `*.example.com` allows the domain and its subdomains; any other entry one exact host. */
function hostMatches(hostname: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === pattern;
}

export function serviceUrlAllowed(serviceUrl: unknown, options: { appIdSet: boolean; hosts: readonly string[] }): boolean {
  if (typeof serviceUrl !== 'string' || serviceUrl.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const hostname = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (!options.appIdSet) return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(hostname);
  // Plain http only to this machine (a listed loopback host, as in tests); anywhere else https.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(hostname))) return false;
  return options.hosts.some((pattern) => hostMatches(hostname, pattern.toLowerCase()));
}
