// What /api/messages refuses before the adapter sees it: an activity that could never be
// stored or answered is the caller's error (400), not a turn to fail and ask to be resent.
import { HttpError } from '../directline/http-helpers.ts';
import { serviceUrlAllowed } from './service-url.ts';

/** Largest activity accepted on /api/messages, counted after decompression. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

export function activityProblem(body: unknown, serviceUrls: { appIdSet: boolean; hosts: readonly string[] }): HttpError | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return new HttpError(400, 'BadArgument', 'activity object expected');
  const activity = body as { type?: unknown; conversation?: { id?: unknown } | null; from?: { id?: unknown } | null; serviceUrl?: unknown };
  // The adapter throws on an activity without a type, which would be a bare 500: it is the caller's error.
  if (typeof activity.type !== 'string' || activity.type === '') return new HttpError(400, 'BadArgument', 'activity type missing');
  const conversation = activity.conversation?.id;
  if (typeof conversation !== 'string' || conversation === '' || conversation.length > 512)
    return new HttpError(400, 'BadArgument', 'activity conversation.id missing');
  const from = activity.from?.id;
  if (activity.type === 'message' && (typeof from !== 'string' || from === '' || from.length > 512))
    return new HttpError(400, 'BadArgument', 'activity from.id missing');
  if (!serviceUrlAllowed(activity.serviceUrl, serviceUrls)) return new HttpError(403, 'Forbidden', 'serviceUrl not allowed');
  return undefined;
}
