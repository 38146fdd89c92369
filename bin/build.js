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
// Three things a start would otherwise pay for are done here once (bundleDependencies,
// precompileValidators, recordDataFiles): botbuilder and restify, hundreds of CommonJS
// files, are bundled into one; the JSON Schema validators are generated as standalone
// code; and the data of the YAML files is recorded as JSON, named by each file's text.
//
//   node bin/build.js          build now (npm install runs this as `prepare`)
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** The folders `roleplay` imports from; tests, benchmarks and scripts run through tsx. */
const SOURCE_DIRS = ['cli', 'bot', 'scenarios', 'evaluators', 'lib'];
/** This file's own content: a change to how builds are made makes new ones. */
const BUILDER = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex')
  .slice(0, 16);
/** Builds kept besides the newest: other processes may still be running from them. */
const KEEP_BUILDS = 4;
const KEEP_YOUNGER_THAN_MS = 60 * 60 * 1000;

/**
 * CommonJS packages bundled into one file, so a start reads one file instead of resolving
 * and reading each of theirs (figures in docs/benchmarks.md, "Start-up"). They are
 * bundled together so that botframework-connector, which botbuilder uses and the bot
 * imports too, stays a single copy (CloudAdapter checks `instanceof AuthenticationError`).
 */
const BUNDLED = ['botbuilder', 'botframework-connector', 'restify'];
/**
 * Left to Node inside the bundle: dtrace-provider is a native module; pino (restify's
 * logger) starts its transport workers from files beside its own, and open runs the
 * xdg-open script beside it; a bundle would look for those in the wrong folder.
 */
const BUNDLE_EXTERNAL = ['dtrace-provider', 'pino', 'open'];
/**
 * npm's record of what is installed; it changes with every install, so its hash stands
 * for the bundled packages' versions. Without it nothing is bundled.
 */
const INSTALLED = join(ROOT, 'node_modules', '.package-lock.json');
/** How the bundle is made (part of its key, so a change here is never served from an older bundle). */
const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Resolve as Node does: no "module" condition or field (esbuild's defaults), but
  // "module-sync", which Node 20.19+ uses for require.
  conditions: ['module-sync'],
  mainFields: ['main'],
  // Not keepNames: it wraps every function expression in a __name() call that runs each
  // time the function is created, and closures are created on every turn (see
  // docs/benchmarks.md, "Start-up"). esbuild's only renaming here is `class X` to `var X = class _X`; the
  // entry below gives the packages' exported classes their names back, once, at load.
  keepNames: false,
  external: BUNDLE_EXTERNAL,
  metafile: true,
  logLevel: 'silent',
};
/** Where the compiled modules find their precompiled validators and recorded YAML data. */
const PRECOMPILED = join('lib', 'precompiled');
/** The compiled modules that validate with a JSON Schema (lib/schema-validator.ts). */
const VALIDATING_MODULES = [
  'scenarios/load.js',
  'evaluators/lexicon/load.js',
  'evaluators/lexicon/context-words.js',
  'evaluators/lexicon/fragments.js',
  'evaluators/analysis/concepts.js',
];

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

/** A hash of what npm installed, or undefined when there is no record of it. */
function installedHash() {
  try {
    return createHash('sha256').update(readFileSync(INSTALLED)).digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
}

/**
 * The build's name: changes with any source's content, any mirrored name, and the
 * installed packages (the bundle holds copies of some of them).
 */
export function sourceHash(p = plan()) {
  const hash = createHash('sha256').update(`builder ${BUILDER}\n`);
  for (const file of p.sources)
    hash
      .update(`source ${file}\n`)
      .update(readFileSync(join(ROOT, file)))
      .update('\n');
  for (const link of p.links) hash.update(`link ${link}\n`);
  hash.update(`installed ${installedHash() ?? 'unknown'}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Relative `.ts` specifiers ('./x.ts', '../a/b.ts') become `.js`: the compiled files sit side by side. */
export function rewriteSpecifiers(code) {
  return code.replace(/(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g, '$1$2.js$1');
}

const bundledPattern = new RegExp(`(["'])(${BUNDLED.join('|')})((?:/[^"'\\n]*)?)\\1`, 'g');
/** An import as esbuild's transform prints it: `import a from "p";`, `import { b, c as d } from "p";`, `import a, { b } from "p";`. */
const importPattern = new RegExp(
  `^import (?:([A-Za-z_$][\\w$]*)(?:, )?)?(?:\\{\\s*([^}]*?),?\\s*\\})? from "(${BUNDLED.join('|')})";$`,
  'gm',
);

/**
 * The names the compiled sources import from each bundled package, or undefined when
 * an import is of another form (a subpath, `import *`, `import()`, a re-export): then
 * nothing is bundled, because a package must not be loaded both from the bundle and
 * from node_modules.
 */
function bundledImports(compiled) {
  const names = new Map(BUNDLED.map((name) => [name, new Set()]));
  for (const code of compiled.values()) {
    let understood = 0;
    for (const [, defaultName, named, pkg] of code.matchAll(importPattern)) {
      understood++;
      if (defaultName) names.get(pkg).add('default');
      for (const part of named ? named.split(/,\s*/) : []) {
        const name = /^([A-Za-z_$][\w$]*)(?: as [A-Za-z_$][\w$]*)?$/.exec(part)?.[1];
        if (!name) return undefined;
        names.get(pkg).add(name);
      }
    }
    if ([...code.matchAll(bundledPattern)].length !== understood) return undefined;
  }
  return names;
}

/** Where a build keeps its bundle; a new build of other sources reuses it when the key matches. */
const BUNDLE_DIR = 'bundled';

/**
 * Bundles the BUNDLED packages into <dir>/bundled/bundle.cjs (CommonJS, so the
 * packages run as they do from node_modules, with their own require, module and
 * __dirname), with one small ES module per package exporting what the sources import
 * from it. Returns the packages bundled, or an empty list when bundling is not safe
 * (the imports say so, nothing records the installed versions, esbuild warns, or the
 * output refers to files by its own location), in which case the sources keep
 * importing node_modules.
 */
async function bundleDependencies(dir, compiled, esbuild) {
  const installed = installedHash();
  const names = bundledImports(compiled);
  if (!installed || !names) return [];
  const out = join(dir, BUNDLE_DIR);
  mkdirSync(out, { recursive: true });
  const bundle = join(out, 'bundle.cjs');
  const key = createHash('sha256')
    .update(JSON.stringify([BUILDER, esbuild.version, installed, BUNDLED, BUNDLE_OPTIONS]))
    .digest('hex')
    .slice(0, 16);
  if (!reuseBundle(key, bundle)) {
    const entry = join(out, 'entry.cjs');
    writeFileSync(
      entry,
      [
        `const restoreNames = (exported) => {`,
        `  for (const key of Object.keys(exported)) {`,
        `    const value = exported[key];`,
        `    if (typeof value === 'function' && value.name === '_' + key) Object.defineProperty(value, 'name', { value: key, configurable: true });`,
        `  }`,
        `  return exported;`,
        `};`,
        `module.exports = {`,
        ...BUNDLED.map((p) => `  ${JSON.stringify(p)}: restoreNames(require(${JSON.stringify(p)})),`),
        `};`,
        '',
      ].join('\n'),
    );
    let result;
    try {
      result = await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile: bundle, absWorkingDir: ROOT });
    } catch {
      result = undefined;
    } finally {
      rmSync(entry, { force: true });
    }
    // Anything esbuild warns of (import.meta in a CommonJS bundle, a require it cannot follow), or code that finds
    // files beside its own source, would break at run time instead of here: then nothing is bundled.
    const unsafe = /\b(?:__dirname|__filename|require\.resolve|require\.main|require\.cache|module\.parent|process\.dlopen)\b/;
    if (!result || result.warnings.length || unsafe.test(readFileSync(bundle, 'utf8'))) {
      rmSync(out, { recursive: true, force: true });
      return [];
    }
    // The files bundled, to compare with what Node loads (test/build.test.ts).
    const inputs = Object.keys(result.metafile.inputs).filter((file) => join(ROOT, file) !== entry);
    writeFileSync(join(out, 'inputs.json'), `${JSON.stringify(inputs.sort(), null, 1)}\n`);
    writeFileSync(join(out, 'key'), `${key}\n`);
  }
  for (const [pkg, imported] of names) {
    const exports = [...imported].filter((n) => n !== 'default').sort();
    writeFileSync(
      join(out, `${pkg}.mjs`),
      [
        `// ${pkg} from the bundle, exported as Node exports it to an ES module: default is module.exports.`,
        `import { createRequire } from 'node:module';`,
        `const bundled = createRequire(import.meta.url)('./bundle.cjs')[${JSON.stringify(pkg)}];`,
        `export default bundled;`,
        // `export { local as name }` takes any name, reserved words included.
        ...exports.map((n, i) => `const e${i} = bundled[${JSON.stringify(n)}];\nexport { e${i} as ${n} };`),
        '',
      ].join('\n'),
    );
  }
  return BUNDLED;
}

/** Finished builds, newest first (a build is renamed into place only when complete). */
function earlierBuilds() {
  try {
    return readdirSync(DIST, { withFileTypes: true })
      .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name))
      .map((e) => ({ dir: join(DIST, e.name), mtime: statSync(join(DIST, e.name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .map((b) => b.dir);
  } catch {
    return [];
  }
}

/** Copies an earlier build's bundle made with the same key (same packages installed, same builder); false when there is none. */
function reuseBundle(key, to) {
  for (const build of earlierBuilds()) {
    const from = join(build, BUNDLE_DIR);
    try {
      if (readFileSync(join(from, 'key'), 'utf8').trim() !== key) continue;
      copyFileSync(join(from, 'bundle.cjs'), to);
      copyFileSync(join(from, 'inputs.json'), join(dirname(to), 'inputs.json'));
      copyFileSync(join(from, 'key'), join(dirname(to), 'key'));
      return true;
    } catch {
      // Pruned meanwhile, or never finished: bundle anew.
    }
  }
  return false;
}

/** The sources' imports of bundled packages, pointed at the bundle's modules. */
function rewriteBundledImports(code, file, bundled) {
  if (!bundled.length) return code;
  const up = relative(dirname(file), '.') || '.';
  return code.replace(importPattern, (statement, _d, _n, pkg) => statement.replace(`"${pkg}"`, `"${up}/${BUNDLE_DIR}/${pkg}.mjs"`));
}

/**
 * Standalone validators for the schemas the compiled modules validate with, written
 * beside them (lib/schema-validator.ts finds them by a hash of the ajv
 * version, options and schema, and compiles the schema itself when there is none, so
 * any failure here only costs speed).
 */
async function precompileValidators(dir, reuse) {
  try {
    // The build being made lives in a folder named at run time; these are its copies of
    // modules whose own imports are literal.
    // eslint-disable-next-line no-restricted-syntax
    for (const module of VALIDATING_MODULES) await import(pathToFileURL(join(dir, module)).href);
    // eslint-disable-next-line no-restricted-syntax
    const { registeredSchemas, writePrecompiled } = await import(pathToFileURL(join(dir, 'lib/schema-validator.js')).href);
    for (const spec of registeredSchemas()) {
      try {
        writePrecompiled(spec, undefined, reuse);
      } catch {
        // An invalid schema: compiled at run time, which reports it.
      }
    }
  } catch {
    // The modules moved or do not load: the validators are compiled at run time.
  }
}

/** The YAML files among the links under scenarios/ and evaluators/ (the core's data: scenarios, lexicons). */
function dataFiles(links) {
  const found = [];
  const walk = (rel) => {
    const full = join(ROOT, rel);
    if (statSync(full).isDirectory()) for (const name of readdirSync(full).sort()) walk(join(rel, name));
    else if (/\.ya?ml$/.test(rel)) found.push(rel);
  };
  for (const link of links) if (/^(scenarios|evaluators)\//.test(link)) walk(link);
  return found;
}

/**
 * Records the data of those YAML files (lib/parsed-yaml.ts), so that
 * the loaders need not parse them at start. Records are named by the file's text, so
 * one edited after the build has none and is parsed; any failure here only costs speed.
 */
async function recordDataFiles(dir, links, reuse) {
  try {
    // The copy of lib/parsed-yaml.ts in the build being made (its folder is named at run time).
    // eslint-disable-next-line no-restricted-syntax
    const { recordYaml } = await import(pathToFileURL(join(dir, 'lib/parsed-yaml.js')).href);
    for (const file of dataFiles(links)) {
      try {
        recordYaml(readFileSync(join(ROOT, file), 'utf8'), undefined, reuse);
      } catch {
        // Unreadable now: it is read (and reported) when loaded.
      }
    }
  } catch {
    // The module moved or does not load: every file is parsed at start, as under tsx.
  }
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
  const esbuild = await import('esbuild');
  mkdirSync(DIST, { recursive: true });
  const tmp = join(DIST, `.tmp-${process.pid}-${Date.now()}`);
  try {
    const compiled = new Map();
    for (const file of p.sources) {
      const { code } = esbuild.transformSync(readFileSync(join(ROOT, file), 'utf8'), {
        loader: 'ts',
        format: 'esm',
        target: 'node20',
        sourcefile: file,
        // The sources rely on `import type` for type-only imports (verbatimModuleSyntax).
        tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
      });
      compiled.set(file.replace(/\.ts$/, '.js'), rewriteSpecifiers(code));
    }
    const bundled = await bundleDependencies(tmp, compiled, esbuild);
    for (const [file, code] of compiled) {
      const out = join(tmp, file);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, rewriteBundledImports(code, file, bundled));
    }
    for (const link of p.links) {
      const at = join(tmp, link);
      mkdirSync(dirname(at), { recursive: true });
      // Relative, so the checkout can move; the target is resolved from the link's folder in dist/<hash>/.
      symlinkSync(relative(dirname(join(target, link)), join(ROOT, link)), at);
    }
    // Both are named by what they were made from, so an earlier build's file of the same name is the same file.
    const reuse = earlierBuilds()
      .map((b) => join(b, PRECOMPILED))
      .find((d) => existsSync(d));
    await precompileValidators(tmp, reuse);
    await recordDataFiles(tmp, p.links, reuse);
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
    process.stderr.write(
      `roleplay: no compiled build (${error instanceof Error ? error.message : String(error)}); commands will run through tsx\n`,
    );
  }
}
