// Dependency hygiene: no installed package has a known advisory for which a fixed
// version exists, unless the list says why it is accepted.
import { describe, expect, it } from 'vitest';
import { checkAdvisories } from '../scripts/check-advisories.ts';

describe('dependency advisories', () => {
  it('finds no unaccepted advisory in package-lock.json', () => {
    const open = checkAdvisories().filter((h) => !h.advisory.accepted);
    expect(open.map((h) => `${h.path}@${h.version} ${h.advisory.id}`)).toEqual([]);
  });

  it('flags a vulnerable version (the check can fail)', () => {
    const hits = checkAdvisories('test/fixtures/advisories/package-lock.json');
    expect(hits.map((h) => h.advisory.id)).toContain('CVE-2024-43799');
  });
});
