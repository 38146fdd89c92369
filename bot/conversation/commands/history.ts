// 我的记录: the trainee's last sessions, one line each, with the best and the latest scores.
import { dimensionName } from '../cards.ts';
import { localized } from '../engine-port.ts';
import type { BotCommandHandler } from './command.ts';

export const history: BotCommandHandler<'history'> = {
  needsEngine: false,
  async run({ context, locale, m, options, send }) {
    const entries = await options.records.history(context.activity.from?.id ?? '', 10);
    if (entries.length === 0) return send(m.noHistory);
    const perDimension = (dimensions: object) =>
      Object.entries(dimensions)
        .map(([d, v]) => `${dimensionName(d, locale)} ${(v as number | null | undefined) ?? 'N/A'}`)
        .join(' · ');
    // One line per session, oldest last: the overall score and each dimension, so progress over time shows.
    const lines = entries.map((e) => {
      const dims = e.dimensions ? ` (${perDimension(e.dimensions)})` : '';
      const scenarioTitle = localized(options.engine?.scenarios.get(e.scenarioId)?.title, locale) || e.scenarioId;
      return `${new Date(e.startedAt).toISOString().slice(0, 16).replace('T', ' ')} ${scenarioTitle} ${e.overall ?? '-'}${dims}`;
    });
    const best = Math.max(...entries.map((e) => e.overall ?? 0));
    const latest = entries.find((e) => e.dimensions)?.dimensions;
    send([m.history, ...lines, m.historyBest(best), ...(latest ? [m.historyLatest(perDimension(latest))] : [])].join('\n'));
  },
};
