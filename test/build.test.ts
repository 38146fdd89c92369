// The compiled copy `roleplay` runs (bin/build.js) must behave as the sources do: the
// bundled packages export what Node would give the sources, the bundle holds the files
// Node itself would load, and the precompiled validators are the ones in use.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PACKAGES = ['botbuilder', 'botframework-connector', 'restify'];
let build = '';
const tmp = mkdtempSync(join(tmpdir(), 'build-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  const out = execFileSync(process.execPath, ['bin/build.js'], { cwd: ROOT, encoding: 'utf8' });
  build = join(ROOT, /compiled sources in (\S+)/.exec(out)![1]!);
}, 120_000);

/** Runs an ES module snippet with Node in the checkout and returns what it prints as JSON. */
function run<T>(code: string, flags: string[] = []): T {
  return JSON.parse(
    execFileSync(process.execPath, [...flags, '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    }),
  ) as T;
}

/**
 * What the loaders give for the scenario and lexicon folders, from the compiled copy and
 * from the sources through tsx (as ROLEPLAY_NO_BUILD=1 runs them), as JSON text to compare.
 */
function loaded(scenarioDir: string, lexiconDir: string): { compiled: string; sources: string } {
  const code = (base: string, ext: string) => `
    const { loadLibrary } = await import('${base}/scenarios/load.${ext}');
    const { loadLexicons, lexiconProblems } = await import('${base}/evaluators/lexicon/load.${ext}');
    const { loadContextWords } = await import('${base}/evaluators/lexicon/context-words.${ext}');
    const library = loadLibrary(${JSON.stringify(scenarioDir)});
    const lexicons = loadLexicons(${JSON.stringify(lexiconDir)});
    const entries = (list) => list.map((e) => ({ ...e, regex: String(e.regex), lowerRegex: e.lowerRegex && String(e.lowerRegex) }));
    let context;
    try { context = ['en', 'zh-CN'].map((l) => loadContextWords(l, ${JSON.stringify(lexiconDir)})); } catch (error) { context = String(error); }
    console.log(JSON.stringify({
      scenarios: [...library.scenarios],
      errors: library.errors,
      lexicons: [...lexicons].map(([locale, lexicon]) => [locale, [...lexicon].map(([evaluator, list]) => [evaluator, entries(list)])]),
      problems: lexiconProblems(${JSON.stringify(lexiconDir)}),
      context,
    }));`;
  return { compiled: JSON.stringify(run(code(build, 'js'))), sources: JSON.stringify(run(code(ROOT, 'ts'), ['--import', 'tsx'])) };
}

const packageOf = (file: string) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1] ?? file;

describe('the compiled copy', () => {
  it('bundles botbuilder, botframework-connector and restify', () => {
    for (const pkg of PACKAGES) expect(existsSync(join(build, 'bundled', `${pkg}.mjs`)), pkg).toBe(true);
    // The bot's adapter is where the server takes botbuilder from at run time.
    expect(readFileSync(join(build, 'bot', 'host', 'turn-adapter.js'), 'utf8')).toMatch(/from "\.\.\/\.\.\/bundled\/botbuilder\.mjs"/);
  });

  it("each bundled module exports what Node's own import of the package gives, of the same kinds", () => {
    const compare = run<Record<string, { missing: string[]; kinds: [string, string, string][]; defaultKeys: boolean }>>(`
      const out = {};
      for (const pkg of ${JSON.stringify(PACKAGES)}) {
        const real = await import(pkg);
        const facade = await import(${JSON.stringify(`${build}/bundled/`)} + pkg + '.mjs');
        const names = Object.keys(facade).filter((n) => n !== 'default');
        out[pkg] = {
          missing: names.filter((n) => !(n in real)),
          kinds: names.filter((n) => typeof facade[n] !== typeof real[n] || String(facade[n]?.name) !== String(real[n]?.name)).map((n) => [n, typeof facade[n], typeof real[n]]),
          defaultKeys: JSON.stringify(Object.keys(facade.default).sort()) === JSON.stringify(Object.keys(real.default).sort()),
        };
      }
      console.log(JSON.stringify(out));`);
    for (const pkg of PACKAGES) expect(compare[pkg], pkg).toEqual({ missing: [], kinds: [], defaultKeys: true });
  });

  it('the bundle holds the files Node loads for these packages, resolved the same way', () => {
    const inputs = new Set(JSON.parse(readFileSync(join(build, 'bundled', 'inputs.json'), 'utf8')) as string[]);
    const loaded = run<string[]>(`
      import { createRequire } from 'node:module';
      import { relative } from 'node:path';
      const require = createRequire(process.cwd() + '/');
      for (const pkg of ${JSON.stringify(PACKAGES)}) require(pkg);
      console.log(JSON.stringify(Object.keys(require.cache).map((f) => relative(process.cwd(), f))));`);
    const bundledPackages = new Set([...inputs].map(packageOf));
    // Files of packages left out of the bundle (pino, dtrace-provider and what only they use) are loaded by Node at run time.
    const differentFile = loaded.filter((f) => !inputs.has(f) && bundledPackages.has(packageOf(f)));
    expect(differentFile).toEqual([]);
    expect(loaded.filter((f) => inputs.has(f)).length).toBeGreaterThan(900);
  });

  it('validates with the precompiled validators, without loading ajv itself', () => {
    const loaded = run<{ precompiled: string[]; ajv: string[] }>(`
      import { createRequire } from 'node:module';
      const { loadLibrary } = await import(${JSON.stringify(`${build}/scenarios/load.js`)});
      const { lexiconProblems } = await import(${JSON.stringify(`${build}/evaluators/lexicon/load.js`)});
      const { loadContextWords } = await import(${JSON.stringify(`${build}/evaluators/lexicon/context-words.js`)});
      loadLibrary(); lexiconProblems(); loadContextWords('en');
      const files = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ precompiled: files.filter((f) => f.includes('/precompiled/')).map((f) => f.replace(/^.*\\//, '').replace(/-[0-9a-f]{16}\\.cjs$/, '')).sort(), ajv: files.filter((f) => /node_modules\\/ajv\\/dist\\/(ajv|core)\\.js$/.test(f)) }));`);
    expect(loaded).toEqual({ precompiled: ['concepts', 'context-words', 'fragments', 'lexicon', 'scenario'], ajv: [] });
    expect(readdirSync(join(build, 'lib', 'precompiled')).filter((f) => f.endsWith('.cjs'))).toHaveLength(5);
  });

  it('loads the shipped scenarios, lexicons and context words exactly as the sources do', () => {
    const { compiled, sources } = loaded(join(ROOT, 'scenarios/library'), join(ROOT, 'evaluators/lexicons'));
    expect(compiled.length).toBeGreaterThan(100_000);
    expect(compiled).toBe(sources);
  });

  it('reports problems in recorded (unparsed) files at the same lines and columns as the sources', () => {
    // Broken copies whose data the compiled copy is made to find recorded, so that it parses them only for positions.
    const scenarios = join(tmp, 'recorded-scenarios');
    const lexicons = join(tmp, 'recorded-lexicons');
    mkdirSync(scenarios, { recursive: true });
    cpSync(join(ROOT, 'evaluators/lexicons'), lexicons, { recursive: true });
    const source = readFileSync(join(ROOT, 'scenarios/library/wrong-change.yaml'), 'utf8');
    const texts: [string, string][] = [
      [
        join(scenarios, 'wrong-change.yaml'),
        source.replace('difficulty: easy', 'difficulty: trivial').replace(/^turnLimit: .*$/m, 'turnLimit: many'),
      ],
      [join(scenarios, 'renamed.yaml'), source.replace('to: details, intent: acknowledge', 'to: nowhere, intent: acknowledge')],
    ];
    const empathy = join(lexicons, 'en', 'empathy.yaml');
    const original = readFileSync(empathy, 'utf8').trimEnd();
    const firstId = /- id: (\S+)/.exec(original)![1]!;
    texts.push([
      empathy,
      `${original}\n  - id: ${firstId}\n    rule: understanding\n    phrases: [i see, I See]\n    note: again\n    suggestion: again\n  - id: hangs\n    rule: understanding\n    patterns: ["(a+)+$"]\n    note: bad\n    suggestion: bad\n`,
    ]);
    const jargon = join(lexicons, 'zh-CN', 'jargon.yaml');
    texts.push([jargon, readFileSync(jargon, 'utf8').replace(/^evaluator: jargon$/m, 'evaluator: jargons')]);
    const context = join(lexicons, 'en', 'context.yaml');
    texts.push([context, `${readFileSync(context, 'utf8').trimEnd()}\nbogus: []\n`]);
    for (const [file, text] of texts) writeFileSync(file, text);
    const recorded = run<boolean[]>(`
      const { recordYaml } = await import('${build}/lib/parsed-yaml.js');
      console.log(JSON.stringify(${JSON.stringify(texts.map(([, text]) => text))}.map((text) => recordYaml(text))));`);
    expect(recorded).toEqual(texts.map(() => true));
    const { compiled, sources } = loaded(scenarios, lexicons);
    const result = JSON.parse(compiled) as { errors: { file: string; line: number }[]; problems: string[]; context: unknown };
    expect(result.errors.length).toBeGreaterThan(2);
    expect(result.problems.join('\n')).toMatch(/duplicate entry id .*first at line \d+/);
    expect(result.problems.join('\n')).toMatch(/duplicate phrase/);
    expect(result.problems.join('\n')).toMatch(/jargon\.yaml:\d+/);
    expect(String(result.context)).toMatch(/bogus|additional/);
    expect(compiled).toBe(sources);
  });

  it('roleplay validate reports a broken scenario exactly as the sources do under tsx', () => {
    const source = readFileSync(join(ROOT, 'scenarios/library/wrong-change.yaml'), 'utf8');
    const broken = source
      .replace('difficulty: easy', 'difficulty: trivial')
      .replace(/^turnLimit: .*$/m, 'turnLimit: many')
      .replace(/^id: wrong-change$/m, 'id: wrong-change\nbogus: 1');
    expect(broken).not.toBe(source);
    const file = join(tmp, 'wrong-change.yaml');
    writeFileSync(file, broken);
    const validate = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, ['bin/roleplay.js', 'validate', file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      return { code: r.status, out: r.stdout + r.stderr };
    };
    const compiled = validate({});
    expect(compiled.code).toBe(1);
    expect(compiled.out).toMatch(/difficulty/);
    expect(compiled).toEqual(validate({ ROLEPLAY_NO_BUILD: '1' }));
  });
});
