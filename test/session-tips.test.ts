// Tips quote the trainee where the fault or the miss happened, over every session of the
// session-pair files (both sides) and the sessions of fixtures/tips/sessions.yaml: a tip about something missed never quotes a greeting, a
// reply that only asks or plays back, or a turn other than its own; a suggestion never comes
// from another scenario; empathy is never "not applicable" beside a missed sympathy moment.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyseReply, greetingOnly, onlyAsks } from '../evaluators/index.ts';
import { loadLibrary } from '../scenarios/index.ts';
import { playSession } from './support/play-session.ts';

const ROOT = fileURLToPath(new URL('./session-pairs/', import.meta.url));
const FAULTS = new Set(['interrupting', 'promises', 'provocative', 'jargon']);

interface Session {
  where: string;
  scenario: string;
  locale: 'zh-CN' | 'en';
  replies: string[];
  /** Tip rule → the turn its quote must come from (0: no quote). */
  quotes?: Record<string, number>;
}

const FIXTURE = fileURLToPath(new URL('./fixtures/tips/sessions.yaml', import.meta.url));

function sessions(): Session[] {
  const out: Session[] = [];
  for (const name of readdirSync(ROOT).filter((n) => n.endsWith('.jsonl'))) {
    readFileSync(ROOT + name, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const p = JSON.parse(line) as { id: string; scenario: string; locale: 'zh-CN' | 'en'; better: string[]; worse: string[] };
        out.push({ where: `${name}:${i + 1} ${p.id} better`, scenario: p.scenario, locale: p.locale, replies: p.better });
        out.push({ where: `${name}:${i + 1} ${p.id} worse`, scenario: p.scenario, locale: p.locale, replies: p.worse });
      });
  }
  (parse(readFileSync(FIXTURE, 'utf8')) as Omit<Session, 'where'>[]).forEach((s, i) =>
    out.push({ ...s, where: `fixtures/tips/sessions.yaml #${i + 1}` }),
  );
  return out;
}

describe('tips quote the turn where it went wrong', () => {
  const library = loadLibrary();
  const all = sessions();
  const problems: string[] = [];
  for (const s of all) {
    const { card } = playSession(s.scenario, s.locale, s.replies);
    const others = [...library.scenarios.values()].filter((o) => o.id !== s.scenario);
    const sympathy = (library.scenarios.get(s.scenario)?.keyMoments ?? []).filter((k) => k.dimension === 'empathy' && !k.every);
    if (card.dimensions.empathy === null && card.keyMoments?.some((k) => !k.met && sympathy.some((d) => d.id === k.id)))
      problems.push(`${s.where}: empathy "not applicable" beside a missed sympathy moment`);
    for (const [rule, turn] of Object.entries(s.quotes ?? {})) {
      const tip = card.tips.find((t) => t.rule === rule);
      if (!tip) problems.push(`${s.where}: no tip ${rule} (tips: ${card.tips.map((t) => t.rule).join(', ')})`);
      else if (tip.turn !== turn) problems.push(`${s.where}: tip ${rule} quotes turn ${tip.turn} "${tip.quote}", expected turn ${turn}`);
    }
    for (const tip of card.tips) {
      const at = `${s.where} tip "${tip.message}"`;
      if (tip.quote) {
        const reply = s.replies[tip.turn - 1] ?? '';
        if (!reply.replace(/\s+/g, ' ').includes(tip.quote.replace(/…$/, '')))
          problems.push(`${at}: quote "${tip.quote}" is not in turn ${tip.turn}`);
        const analysis = analyseReply(reply, s.locale);
        // The pasted-sympathy tip quotes the sympathy said again, courtesy as it may be: that is its point.
        if ((!FAULTS.has(tip.dimension) && tip.rule !== 'pasted-empathy') || tip.rule?.startsWith('moment:')) {
          if (greetingOnly(analysis)) problems.push(`${at}: quotes a greeting "${reply}"`);
          if (onlyAsks(analysis)) problems.push(`${at}: quotes a reply that only asks "${reply}"`);
        }
      } else if (tip.turn !== 0) problems.push(`${at}: no quote but turn ${tip.turn}`);
      for (const o of others)
        for (const k of o.keyMoments ?? [])
          if (tip.suggestion.includes(k.example[s.locale])) problems.push(`${at}: suggestion from ${o.id}: ${k.example[s.locale]}`);
    }
  }

  it(`holds over the ${all.length} sessions of the pair files`, () => {
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(problems).toEqual([]);
  });
});
