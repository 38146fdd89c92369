// `npm run teams:package`: validates teams/manifest.json offline against the Teams schema
// shipped in @microsoft/app-manifest, checks the icons, and writes teams/build/roleplay-teams.zip.
// MicrosoftAppId (environment or .env) becomes the bot id when set.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { zipSync } from 'fflate';
import { config as loadDotenv } from 'dotenv';

const require = createRequire(import.meta.url);

interface Manifest {
  $schema: string;
  manifestVersion: string;
  bots?: { botId: string }[];
  icons: { color: string; outline: string };
}

interface ManifestUtilType {
  validateManifestAgainstSchema(manifest: unknown, schema: unknown): Promise<string[]>;
}

export function pngSize(png: Buffer): { width: number; height: number; rgba: boolean } {
  if (png.length < 26 || png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), rgba: png[25] === 6 };
}

/** The manifest's checked-in bot id: Teams would send the trainee's messages to no bot. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

export async function buildPackage(dir: URL, appId?: string): Promise<{ errors: string[]; warnings: string[]; zip?: Uint8Array }> {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Manifest;
  if (appId && manifest.bots?.[0]) manifest.bots[0].botId = appId;
  const schemaPath = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
  );
  // The published schema has a regex escape (\a) that JavaScript rejects; the package's own loader makes the same fix.
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\x07')) as unknown;
  const { ManifestUtil } = require('@microsoft/app-manifest') as { ManifestUtil: ManifestUtilType };
  const errors = [...(await ManifestUtil.validateManifestAgainstSchema(manifest, schema))];
  const color = readFileSync(new URL(manifest.icons.color, dir));
  const outline = readFileSync(new URL(manifest.icons.outline, dir));
  const c = pngSize(color);
  const o = pngSize(outline);
  if (c.width !== 192 || c.height !== 192) errors.push(`color icon must be 192×192 (is ${c.width}×${c.height})`);
  if (o.width !== 32 || o.height !== 32 || !o.rgba) errors.push(`outline icon must be a 32×32 RGBA PNG (is ${o.width}×${o.height})`);
  const warnings = (manifest.bots ?? []).some((b) => b.botId === PLACEHOLDER_BOT_ID)
    ? [
        `the bot id is the placeholder ${PLACEHOLDER_BOT_ID}: Teams cannot reach the bot with this package. Set MicrosoftAppId (environment or .env) to the bot's app id.`,
      ]
    : [];
  if (errors.length) return { errors, warnings };
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    [manifest.icons.color]: color,
    [manifest.icons.outline]: outline,
  });
  return { errors, warnings, zip };
}

if (process.argv[1]?.endsWith('package.ts')) {
  loadDotenv({ quiet: true });
  const dir = new URL('./', import.meta.url);
  const appId = process.env.MicrosoftAppId?.trim();
  const { errors, warnings, zip } = await buildPackage(dir, appId || undefined);
  if (!zip) {
    process.stderr.write(`teams:package: the manifest is not valid:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  mkdirSync(new URL('build/', dir), { recursive: true });
  const out = new URL('build/roleplay-teams.zip', dir);
  writeFileSync(out, zip);
  process.stdout.write(`teams:package: manifest valid; wrote ${out.pathname}\n`);
  // The package is valid either way; a release build passes --strict so a placeholder bot id cannot ship.
  if (warnings.length) {
    process.stderr.write(warnings.map((w) => `teams:package: WARNING: ${w}\n`).join(''));
    if (process.argv.includes('--strict')) process.exitCode = 1;
  }
}
