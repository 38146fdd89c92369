// `npm run teams:package`: the manifest passes the Teams schema offline, the zip holds it and both icons.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage, pngSize } from '../teams/package.ts';

const teams = new URL('../teams/', import.meta.url);

function copyTo(mutate?: (m: Record<string, unknown>) => void): URL {
  const dir = mkdtempSync(join(tmpdir(), 'teams-'));
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', teams), 'utf8')) as Record<string, unknown>;
  mutate?.(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const f of ['color.png', 'outline.png']) copyFileSync(new URL(f, teams), join(dir, f));
  return pathToFileURL(dir + '/');
}

describe('Teams package', () => {
  it('validates the manifest against the schema and zips it with both icons', async () => {
    const { errors, zip } = await buildPackage(copyTo(), '11111111-2222-3333-4444-555555555555');
    expect(errors).toEqual([]);
    const files = unzipSync(zip ?? new Uint8Array());
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { bots: { botId: string; scopes: string[] }[] };
    expect(manifest.bots[0]?.botId).toBe('11111111-2222-3333-4444-555555555555');
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team']);
  });

  it('warns when the package would carry the placeholder bot id', async () => {
    const placeholder = await buildPackage(copyTo());
    expect(placeholder.warnings.join('\n')).toMatch(/placeholder 0{8}-.*MicrosoftAppId/);
    expect((await buildPackage(copyTo(), '11111111-2222-3333-4444-555555555555')).warnings).toEqual([]);
  });

  it('rejects a manifest that breaks the schema', async () => {
    const { errors, zip } = await buildPackage(copyTo((m) => delete m.name));
    expect(zip).toBeUndefined();
    expect(errors.join('\n')).toMatch(/name/);
  });

  it('ships icons of the sizes Teams requires', () => {
    expect(pngSize(readFileSync(new URL('color.png', teams)))).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(readFileSync(new URL('outline.png', teams)))).toMatchObject({ width: 32, height: 32, rgba: true });
  });
});
