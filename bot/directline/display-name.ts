// A web trainee's display name, as the dashboard, the CSV export and the greeting show it.

export const MAX_NAME_CHARS = 40;

/**
 * Control, format (bidirectional overrides, zero-width), separator and private-use characters
 * are removed, runs of white space become one space, the ends are trimmed and at most
 * MAX_NAME_CHARS characters are kept (whole characters, never half a surrogate pair).
 */
export function displayName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const cleaned = raw
    .slice(0, MAX_NAME_CHARS * 8)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return Array.from(cleaned).slice(0, MAX_NAME_CHARS).join('').trim();
}
