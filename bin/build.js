// The compiled copy of the sources that `bin/roleplay.js` runs, so a command does
// not pay for compiling TypeScript on every start (and, under Node 20, for every
// `require` inside botbuilder going through the loader hooks' thread).
//
// A build lives in dist/<hash>/, where the hash covers every TypeScript source
// and the file names next to them: any edit gives a new hash, so a stale build
// is never run, and two processes building at once cannot disturb each other
// (each builds in its own folder and renames it into place). Data files (YAML,
// JSON, static web files) are symlinked, not copied, so the build reads the live
// ones through the same relative paths as the sources do.
//
//   node bin/build.js          build now (npm install runs this as `prepare`)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** The folders `roleplay` imports from; tests, benchmarks and scripts run through tsx. */
const SOURCE_DIRS = ['cli', 'bot', 'scenarios', 'evaluators'];
/** Bumped whenever the build's output would change for the same sources. */
const BUILDER_VERSION = '1';
/** Builds kept besides the newest: other processes may still be running from them. */
const KEEP_BUILDS = 4;
const KEEP_YOUNGER_THAN_MS = 60 * 60 * 1000;

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');

/** True when a folder holds TypeScript somewhere below it (it is mirrored, not linked). */
function hasSources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() ? hasSources(join(dir, entry.name)) : isSource(entry.name)) return true;
  }
  return false;
}

/**
 * What a build consists of: sources to compile, and everything else in the mirrored
 * folders to link. Folders without sources are linked whole (new files in them are
 * seen live); in mirrored folders every name counts, so adding a data file there
 * makes a new build.
 */
function plan() {
  const sources = [];
  const links = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(ROOT, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = join(rel, entry.name);
      if (entry.isDirectory()) {
        if (hasSources(join(ROOT, child))) walk(child);
        else links.push(child);
      } else if (isSource(entry.name)) sources.push(child);
      else if (!entry.name.endsWith('.test.ts')) links.push(child);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(ROOT, dir))) walk(dir);
  return { sources, links };
}

/** The build's name: changes with any source's content and any mirrored name. */
export function sourceHash(p = plan()) {
  const hash = createHash('sha256').update(`builder ${BUILDER_VERSION}\n`);
  for (const file of p.sources) hash.update(`source ${file}\n`).update(readFileSync(join(ROOT, file))).update('\n');
  for (const link of p.links) hash.update(`link ${link}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Relative `.ts` specifiers ('./x.ts', '../a/b.ts') become `.js`: the compiled files sit side by side. */
export function rewriteSpecifiers(code) {
  return code.replace(/(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g, '$1$2.js$1');
}

function prune(keep) {
  let builds;
  try {
    builds = readdirSync(DIST, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== keep)
      .map((e) => ({ name: e.name, mtime: statSync(join(DIST, e.name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
  } catch {
    return;
  }
  const now = Date.now();
  for (const [i, b] of builds.entries()) {
    if (i >= KEEP_BUILDS && now - b.mtime > KEEP_YOUNGER_THAN_MS) rmSync(join(DIST, b.name), { recursive: true, force: true });
  }
}

/**
 * Builds dist/<hash>/ unless it is there; returns its path. Throws when the
 * build cannot be made (no esbuild, read-only checkout): callers fall back to tsx.
 */
export async function build(p = plan(), hash = sourceHash(p)) {
  const target = join(DIST, hash);
  if (existsSync(join(target, 'cli', 'main.js'))) return target;
  const { transformSync } = await import('esbuild');
  mkdirSync(DIST, { recursive: true });
  const tmp = join(DIST, `.tmp-${process.pid}-${Date.now()}`);
  try {
    for (const file of p.sources) {
      const out = join(tmp, file.replace(/\.ts$/, '.js'));
      const { code } = transformSync(readFileSync(join(ROOT, file), 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'node20',
        sourcefile: file,
        // The sources rely on `import type` for type-only imports (verbatimModuleSyntax).
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      });
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, rewriteSpecifiers(code));
    }
    for (const link of p.links) {
      const at = join(tmp, link);
      mkdirSync(dirname(at), { recursive: true });
      // Relative, so the checkout can move; the target is resolved from the link's folder in dist/<hash>/.
      symlinkSync(relative(dirname(join(target, link)), join(ROOT, link)), at);
    }
    try {
      renameSync(tmp, target);
    } catch (error) {
      // Another process finished the same build first: theirs is identical.
      if (!existsSync(join(target, 'cli', 'main.js'))) throw error;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(hash);
  return target;
}

/** The compiled entry for the current sources, building it if needed; undefined to use tsx instead. */
export async function compiledMain() {
  if (process.env.ROLEPLAY_NO_BUILD) return undefined;
  try {
    const p = plan();
    const hash = sourceHash(p);
    const main = join(DIST, hash, 'cli', 'main.js');
    if (existsSync(main)) return main;
    return join(await build(p, hash), 'cli', 'main.js');
  } catch {
    return undefined;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const dir = await build();
    process.stdout.write(`roleplay: compiled sources in ${relative(ROOT, dir)}\n`);
  } catch (error) {
    // Not fatal: `roleplay` runs the sources through tsx when there is no build.
    process.stderr.write(`roleplay: no compiled build (${error instanceof Error ? error.message : String(error)}); commands will run through tsx\n`);
  }
}
