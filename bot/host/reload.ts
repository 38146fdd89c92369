// `roleplay serve` picks up a trainer's edits to scenario, concept and lexicon files at once,
// so an edit can be tried in Web Chat without a restart. An edit with an error is refused with
// file:line in the log, and the last good version keeps serving.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { LIBRARY_DIR, loadLibrary } from '../../scenarios/index.ts';
import { LEXICON_DIR, reloadRules } from '../../evaluators/index.ts';
import type { Logger } from './app-context.ts';
import type { EnginePort, ScenarioInfo } from '../conversation/engine-port.ts';

export interface Watching {
  /** Reads the files again now (what a change triggers). */
  reload(): void;
  close(): void;
}

/** The folders whose YAML files a trainer edits. */
export function watchedFolders(library = LIBRARY_DIR, lexicons = LEXICON_DIR): string[] {
  const folders = [library, join(lexicons, 'scenarios')];
  for (const locale of ['zh-CN', 'en']) folders.push(join(lexicons, locale), join(lexicons, locale, 'concepts'));
  return folders.filter((f) => existsSync(f));
}

/** Swaps in the freshly read scenarios; a file with errors keeps its last good scenario. */
export function reloadScenarios(engine: EnginePort, logger: Logger, library = LIBRARY_DIR): void {
  const fresh = loadLibrary(library, { fresh: true });
  const broken = new Set(fresh.errors.map((e) => e.file));
  for (const e of fresh.errors)
    logger.warn('scenarios.reload_refused', { at: `${e.file}:${e.line}:${e.column}`, field: e.path, problem: e.message });
  const next = new Map<string, ScenarioInfo>(fresh.scenarios);
  for (const [id, old] of engine.scenarios) {
    const file = (old as { file?: string }).file;
    if (!next.has(id) && file && broken.has(file)) next.set(id, old);
  }
  // The map is shared with the bot and the dashboard: it is changed in place.
  engine.scenarios.clear();
  for (const [id, scenario] of next) engine.scenarios.set(id, scenario);
  engine.scenariosChanged?.();
  logger.info('scenarios.reloaded', { scenarios: next.size, refused: [...broken] });
}

export function watchTrainingFiles(engine: EnginePort, logger: Logger, where: { library?: string; folders?: string[] } = {}): Watching {
  const library = where.library ?? LIBRARY_DIR;
  const folders = where.folders ?? watchedFolders(library);
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    const problems = reloadRules();
    engine.rulesChanged?.();
    for (const problem of problems) logger.warn('rules.reload_refused', { problem });
    if (!problems.length) logger.info('rules.reloaded', {});
    // Scenarios after the rules: their patterns are checked against the concepts just read.
    reloadScenarios(engine, logger, library);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const w = watch(folder, (_event, name) => {
        if (name && !/\.ya?ml$/i.test(String(name))) return;
        // An editor saves in several steps; read once they are done.
        if (timer) clearTimeout(timer);
        timer = setTimeout(reload, 150);
      });
      w.on('error', (error) => logger.warn('watch.failed', { folder, error: error.message }));
      watchers.push(w);
    } catch (error) {
      logger.warn('watch.failed', { folder, error: error instanceof Error ? error.message : String(error) });
    }
  }
  logger.info('watch.started', { folders });
  return {
    reload,
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
