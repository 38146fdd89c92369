// The Bot Framework adapter of /api/messages. The server checks each request before the turn
// (method, size, JSON, an activity with a type, a conversation and an allowed serviceUrl:
// activity-check.ts), so CloudAdapter.process's own pass over the request is not needed: it
// checks the same things again with schemas it builds on every call, and answers with a send
// and then an end. The turn itself, the token check included, is CloudAdapterBase's
// processActivity, which `turn` calls directly; a token refused is an AuthenticationError,
// which the server answers with 401 as process does.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** Botbuilder's handlers see the activity's timestamps as dates, each with its text kept beside it, as process gives them. */
const DATES = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

export function withDates(activity: Activity): Activity {
  const fields = activity as unknown as Record<string, unknown>;
  for (const [name, raw] of DATES) {
    const text = fields[name];
    if (typeof text === 'string') {
      fields[raw] = text;
      fields[name] = new Date(text);
    }
  }
  return activity;
}

export class TurnAdapter extends CloudAdapter {
  /** One turn of a checked activity; what an `expectReplies` or `invoke` activity is answered with, if anything. */
  turn(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, withDates(activity), logic);
  }
}
