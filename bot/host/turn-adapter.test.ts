import { describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { withDates } from './turn-adapter.ts';

describe('the activity handed to the turn', () => {
  it('carries its timestamps as dates, with the text it came with beside each', () => {
    const activity = withDates({
      type: 'message',
      timestamp: '2026-12-06T01:00:00.000Z',
      localTimestamp: '2026-12-06T09:00:00.000+08:00',
    } as unknown as Activity) as unknown as Record<string, unknown>;
    expect(activity.timestamp).toEqual(new Date('2026-12-06T01:00:00.000Z'));
    expect(activity.rawTimestamp).toBe('2026-12-06T01:00:00.000Z');
    expect(activity.localTimestamp).toEqual(new Date('2026-12-06T01:00:00.000Z'));
    expect(activity.rawLocalTimestamp).toBe('2026-12-06T09:00:00.000+08:00');
    expect('expiration' in activity).toBe(false);
  });
});
