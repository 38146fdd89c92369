// Dependency hygiene without the registry's audit endpoint: compares every
// installed version in package-lock.json with the known advisories listed in
// scripts/advisories.json. Prints findings; exits 1 when an unaccepted one is found.
import { readFileSync } from 'node:fs';

interface Advisory {
  package: string;
  fixed: string;
  /** First affected version of this release line (default: every version below `fixed`). */
  from?: string;
  id: string;
  what: string;
  accepted?: string;
}

export interface AdvisoryHit {
  path: string;
  version: string;
  advisory: Advisory;
}

function compare(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export function checkAdvisories(lockPath = 'package-lock.json', listPath = 'scripts/advisories.json'): AdvisoryHit[] {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, { version?: string }> };
  const { advisories } = JSON.parse(readFileSync(listPath, 'utf8')) as { advisories: Advisory[] };
  const hits: AdvisoryHit[] = [];
  for (const [path, info] of Object.entries(lock.packages)) {
    const name = path.split('node_modules/').pop();
    if (!name || !info.version) continue;
    for (const advisory of advisories) {
      if (advisory.package !== name) continue;
      if (advisory.from && compare(info.version, advisory.from) < 0) continue;
      if (compare(info.version, advisory.fixed) < 0) hits.push({ path, version: info.version, advisory });
    }
  }
  return hits;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hits = checkAdvisories();
  for (const h of hits)
    console.log(
      `${h.advisory.accepted ? 'accepted' : 'VULNERABLE'}  ${h.path}@${h.version}  ${h.advisory.id} (fixed in ${h.advisory.fixed}): ${h.advisory.what}${h.advisory.accepted ? ` — ${h.advisory.accepted}` : ''}`,
    );
  const open = hits.filter((h) => !h.advisory.accepted);
  console.log(open.length ? `${open.length} package(s) with a known advisory and a fixed version` : 'no unaccepted advisories');
  process.exitCode = open.length ? 1 : 0;
}
