// Reads one or more StrykerJS JSON reports (mutation-testing-report-schema: a whole
// run's report, or the per-file parts of a run made file by file) and prints the
// mutation score per file, per folder and overall, then every mutant that survived or
// had no test covering it, as file:line, mutator and replacement.
//
//   npx tsx scripts/mutation-summary.ts reports/mutation/mutation.json
//   npx tsx scripts/mutation-summary.ts reports/mutation/parts/ [--markdown] [--no-survivors]
//
// score = (killed + timed out) / (killed + timed out + survived + no coverage), the
// formula Stryker uses for its "mutation score"; ignored (static mutants left out by
// ignoreStatic), compile and runtime errors count for nothing. When several reports
// hold the same file, the one named last wins (a later partial rerun replaces it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface Position {
  line: number;
  column: number;
}

export interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: { start: Position; end: Position };
  status: string;
  static?: boolean;
}

export interface MutationReport {
  files: Record<string, { source?: string; mutants: ReportMutant[] }>;
}

export interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}

export interface Survivor {
  file: string;
  line: number;
  column: number;
  status: string;
  mutator: string;
  replacement: string;
  original: string;
}

const empty = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });

function add(t: Tally, status: string): void {
  if (status === 'Killed') t.killed++;
  else if (status === 'Timeout') t.timeout++;
  else if (status === 'Survived') t.survived++;
  else if (status === 'NoCoverage') t.noCoverage++;
  else if (status === 'Ignored') t.ignored++;
  else t.errors++;
}

function sum(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}

/** The score in percent, or NaN when no mutant counted. */
export function score(t: Tally): number {
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return valid === 0 ? Number.NaN : (100 * detected) / valid;
}

/** The source text a mutant replaces, on one line. */
function originalText(source: string | undefined, m: ReportMutant): string {
  if (!source) return '';
  const lines = source.split('\n');
  const { start, end } = m.location;
  const picked =
    start.line === end.line
      ? (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
      : [
          (lines[start.line - 1] ?? '').slice(start.column - 1),
          ...lines.slice(start.line, end.line - 1),
          (lines[end.line - 1] ?? '').slice(0, end.column - 1),
        ].join('\n');
  return picked.replace(/\s+/g, ' ').trim();
}

/** The report files named: a JSON file, or every report JSON of a folder (not Stryker's incremental files). */
export function reportPaths(args: string[]): string[] {
  const paths: string[] = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      for (const name of readdirSync(arg).sort())
        if (name.endsWith('.json') && !name.endsWith('.incremental.json')) paths.push(join(arg, name));
    } else paths.push(arg);
  }
  return paths;
}

/** Files of all the reports, the last report to name a file winning. */
export function mergeReports(reports: MutationReport[]): MutationReport {
  const files: MutationReport['files'] = {};
  for (const r of reports) for (const [file, data] of Object.entries(r.files)) files[file.replace(/\\/g, '/')] = data;
  return { files };
}

export function summarise(report: MutationReport): { perFile: Map<string, Tally>; survivors: Survivor[] } {
  const perFile = new Map<string, Tally>();
  const survivors: Survivor[] = [];
  for (const file of Object.keys(report.files).sort()) {
    const { source, mutants } = report.files[file]!;
    const t = empty();
    for (const m of mutants) {
      add(t, m.status);
      if (m.status === 'Survived' || m.status === 'NoCoverage')
        survivors.push({
          file,
          line: m.location.start.line,
          column: m.location.start.column,
          status: m.status,
          mutator: m.mutatorName,
          replacement: (m.replacement ?? '').replace(/\s+/g, ' ').trim(),
          original: originalText(source, m),
        });
    }
    perFile.set(file, t);
  }
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { perFile, survivors };
}

/** The folders a file counts in: its top folder (scenarios/, evaluators/) and, when deeper, its subfolder. */
export function foldersOf(file: string): string[] {
  const parts = file.split('/');
  const folders: string[] = [];
  if (parts.length > 1) folders.push(`${parts[0]}/`);
  if (parts.length > 2) folders.push(`${parts[0]}/${parts[1]}/`);
  return folders;
}

function pct(n: number): string {
  return Number.isNaN(n) ? '–' : `${n.toFixed(1)} %`;
}

function row(name: string, t: Tally, markdown: boolean): string {
  const cells = [name, pct(score(t)), t.killed, t.timeout, t.survived, t.noCoverage, t.ignored];
  return markdown
    ? `| ${cells.join(' | ')} |`
    : `${String(cells[0]).padEnd(44)} ${cells
        .slice(1)
        .map((c) => String(c).padStart(8))
        .join(' ')}`;
}

function main(argv: string[]): void {
  const markdown = argv.includes('--markdown');
  const listSurvivors = !argv.includes('--no-survivors');
  const args = argv.filter((a) => !a.startsWith('--'));
  if (!args.length) {
    console.error('usage: tsx scripts/mutation-summary.ts <report.json | folder>... [--markdown] [--no-survivors]');
    process.exit(2);
  }
  const reports = reportPaths(args).map((p) => JSON.parse(readFileSync(p, 'utf8')) as MutationReport);
  const { perFile, survivors } = summarise(mergeReports(reports));

  const perFolder = new Map<string, Tally>();
  const overall = empty();
  for (const [file, t] of perFile) {
    for (const folder of foldersOf(file)) {
      if (!perFolder.has(folder)) perFolder.set(folder, empty());
      sum(perFolder.get(folder)!, t);
    }
    sum(overall, t);
  }

  const printHeader = (first: string) => {
    const header = [first, 'score', 'killed', 'timeout', 'survived', 'no cov.', 'ignored'];
    if (markdown) console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
    else
      console.log(
        `${header[0]!.padEnd(44)} ${header
          .slice(1)
          .map((c) => c.padStart(8))
          .join(' ')}`,
      );
  };
  printHeader('file');
  for (const [file, t] of perFile) console.log(row(file, t, markdown));
  console.log('');
  printHeader('folder');
  for (const folder of [...perFolder.keys()].sort()) console.log(row(folder, perFolder.get(folder)!, markdown));
  console.log(row(markdown ? '**all measured**' : 'all measured', overall, markdown));

  if (listSurvivors && survivors.length) {
    console.log(`\n${survivors.length} survived or not covered:`);
    for (const s of survivors)
      console.log(
        `${s.file}:${s.line}:${s.column} ${s.status === 'NoCoverage' ? 'NoCoverage ' : ''}${s.mutator}: ${s.original} → ${s.replacement}`,
      );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
