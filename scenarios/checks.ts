// What the schema cannot check: ids, references, reachability, locale text.
import type { LineVariant, Scenario, State } from './model.ts';
import { LOCALES } from './model.ts';
import { unsafePatternReason } from '../lib/safe-pattern.ts';
import { preparedValue } from './knowledge.ts';
import {
  ACTS,
  analyseReply,
  conceptsFor,
  impossiblePatternReason,
  matchAny,
  patternConcepts,
  type ConceptPattern,
} from '../evaluators/index.ts';

/** Concepts a pattern names that a locale does not define, acts that do not exist, and why it can never match. */
function patternProblems(p: ConceptPattern, locales: readonly string[], path: (string | number)[]): Problem[] {
  const problems: Problem[] = [];
  for (const locale of locales) {
    if (!LOCALES.includes(locale as never)) continue;
    const known = conceptsFor(locale as 'zh-CN' | 'en');
    for (const id of new Set(patternConcepts(p)))
      if (!known.has(id))
        problems.push({ path, message: `unknown concept "${id}" in ${locale} (see evaluators/lexicons/${locale}/concepts/)` });
  }
  for (const act of p.acts ?? []) if (!(ACTS as readonly string[]).includes(act)) problems.push({ path, message: `unknown act "${act}"` });
  const reason = impossiblePatternReason(p);
  if (reason) problems.push({ path, message: `pattern can never match: ${reason}` });
  return problems;
}

/**
 * A fact's values name it in a question, so each must name one fact only, belong to a fact the customer
 * answers, and be long enough not to turn up inside other words (陈 in 陈述).
 */
function valueProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  s.facts.forEach((f, i) => {
    if (f.values && !(f.asks?.length && f.answers?.length))
      problems.push({
        path: ['facts', i, 'values'],
        message: `fact "${f.id}" has values but the customer is never asked it (asks, answers)`,
      });
    for (const locale of LOCALES)
      (f.values?.[locale] ?? []).forEach((value, j) => {
        const path = ['facts', i, 'values', locale, j];
        const key = `${locale}\u0000${preparedValue(value, locale)}`;
        const other = owner.get(key);
        if (other !== undefined) problems.push({ path, message: `value "${value}" also names fact "${other}"` });
        else owner.set(key, f.id);
        if (locale === 'zh-CN' && [...value].length < 2)
          problems.push({ path, message: `value "${value}" is one character: it would be found inside other words` });
      });
  });
  return problems;
}

export interface Problem {
  path: (string | number)[];
  message: string;
}

export function graphProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const stateIds = new Map<string, number>();
  s.states.forEach((st, i) => {
    if (stateIds.has(st.id)) problems.push({ path: ['states', i, 'id'], message: `duplicate state id "${st.id}"` });
    else stateIds.set(st.id, i);
  });
  const factIds = new Set<string>();
  s.facts.forEach((f, i) => {
    if (factIds.has(f.id)) problems.push({ path: ['facts', i, 'id'], message: `duplicate fact id "${f.id}"` });
    factIds.add(f.id);
  });
  const intentIds = new Set<string>();
  s.intents.forEach((it, i) => {
    if (intentIds.has(it.id)) problems.push({ path: ['intents', i, 'id'], message: `duplicate intent id "${it.id}"` });
    intentIds.add(it.id);
    it.patterns.forEach((p, j) => problems.push(...patternProblems(p, s.locales, ['intents', i, 'patterns', j])));
    // Examples are replies that must be understood as this intent: a pattern that misses them is caught here.
    for (const locale of s.locales) {
      (it.examples?.[locale] ?? []).forEach((example, j) => {
        if (!matchAny(analyseReply(example, locale), it.patterns))
          problems.push({
            path: ['intents', i, 'examples', locale, j],
            message: `intent "${it.id}" does not match its own example "${example}"`,
          });
      });
    }
  });
  problems.push(...valueProblems(s));
  s.facts.forEach((f, i) => {
    (f.asks ?? []).forEach((p, j) => problems.push(...patternProblems(p, s.locales, ['facts', i, 'asks', j])));
    if (f.asks?.length && !f.answers?.length)
      problems.push({ path: ['facts', i], message: `fact "${f.id}" can be asked about but has no answers` });
    if (f.answers?.length && !f.asks?.length)
      problems.push({ path: ['facts', i], message: `fact "${f.id}" has answers but no question asks for it (asks)` });
  });
  s.states.forEach((st, i) => {
    if (st.yesMeans && !(s.evaluation.forbiddenPromises ?? []).some((p) => p.id === st.yesMeans))
      problems.push({
        path: ['states', i, 'yesMeans'],
        message: `"${st.yesMeans}" is not a forbidden promise under evaluation.forbiddenPromises`,
      });
    st.transitions.forEach((t, j) => {
      for (const id of t.unless ?? [])
        if (!s.intents.some((it) => it.id === id))
          problems.push({ path: ['states', i, 'transitions', j, 'unless'], message: `intent "${id}" is not defined under intents` });
    });
  });
  const promiseIds = new Set<string>();
  (s.evaluation.forbiddenPromises ?? []).forEach((p, i) => {
    if (promiseIds.has(p.id))
      problems.push({ path: ['evaluation', 'forbiddenPromises', i, 'id'], message: `duplicate promise id "${p.id}"` });
    promiseIds.add(p.id);
    if (!factIds.has(p.fact))
      problems.push({
        path: ['evaluation', 'forbiddenPromises', i, 'fact'],
        message: `refers to fact "${p.fact}", which is not defined under facts`,
      });
    for (const locale of s.locales) {
      if (!p.patterns[locale]?.length)
        problems.push({ path: ['evaluation', 'forbiddenPromises', i, 'patterns'], message: `no patterns in ${locale}` });
    }
    // A 're:' pattern runs on every reply in the server's one thread: a catastrophic one would stall every trainee.
    for (const [locale, patterns] of Object.entries(p.patterns)) {
      (patterns ?? []).forEach((pattern, j) => {
        const reason = pattern.startsWith('re:') ? unsafePatternReason(pattern.slice(3)) : undefined;
        if (reason)
          problems.push({
            path: ['evaluation', 'forbiddenPromises', i, 'patterns', locale, j],
            message: `pattern /${pattern.slice(3)}/ ${reason}`,
          });
      });
    }
  });
  for (const locale of s.locales) {
    if (!LOCALES.includes(locale)) continue;
    if (!s.evaluation.solutionTerms?.[locale]?.length)
      problems.push({ path: ['evaluation', 'solutionTerms'], message: `no solution terms in ${locale}` });
  }
  // The locales must tell the same story: every line has as many parts in each locale.
  const sameParts = (variants: LineVariant[] | undefined, path: (string | number)[]) =>
    (variants ?? []).forEach((v, i) => {
      const counts = LOCALES.map((l) => v[l]?.length ?? 0);
      if (new Set(counts).size > 1)
        problems.push({
          path: [...path, i],
          message: `the locales differ in number of parts (${LOCALES.map((l, j) => `${l}: ${counts[j]}`).join(', ')})`,
        });
    });
  s.states.forEach((st, i) => {
    sameParts(st.lines, ['states', i, 'lines']);
    sameParts(st.again, ['states', i, 'again']);
    sameParts(st.waiting, ['states', i, 'waiting']);
  });
  s.states.forEach((st, i) => problems.push(...variantProblems(st, s.locales, ['states', i])));
  s.facts.forEach((f, i) => sameParts(f.answers, ['facts', i, 'answers']));
  for (const [outcome, ending] of Object.entries(s.endings))
    for (const [cause, variants] of Object.entries(ending.causes ?? {})) sameParts(variants, ['endings', outcome, 'causes', cause]);
  for (const [kind, variants] of Object.entries(s.reactions ?? {})) sameParts(variants, ['reactions', kind]);
  for (const [outcome, ending] of Object.entries(s.endings)) sameParts(ending.lines, ['endings', outcome, 'lines']);
  if (!stateIds.has(s.start)) problems.push({ path: ['start'], message: `start state "${s.start}" is not defined under states` });

  // Reachability from the start, and a way to an ending from every state.
  const edges = new Map<string, string[]>();
  s.states.forEach((st, i) => {
    edges.set(
      st.id,
      st.transitions.map((t) => t.to),
    );
    st.transitions.forEach((t, j) => {
      if (!t.to.startsWith('end:') && !stateIds.has(t.to))
        problems.push({ path: ['states', i, 'transitions', j, 'to'], message: `goes to state "${t.to}", which is not defined` });
      const intents = t.intent === undefined ? [] : Array.isArray(t.intent) ? t.intent : [t.intent];
      for (const id of intents)
        if (!intentIds.has(id))
          problems.push({ path: ['states', i, 'transitions', j, 'intent'], message: `intent "${id}" is not defined under intents` });
    });
  });
  const reached = new Set<string>();
  const queue = stateIds.has(s.start) ? [s.start] : [];
  while (queue.length) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const to of edges.get(id) ?? []) if (!to.startsWith('end:')) queue.push(to);
  }
  const endsOk = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, tos] of edges) {
      if (!endsOk.has(id) && tos.some((to) => to.startsWith('end:') || endsOk.has(to))) {
        endsOk.add(id);
        changed = true;
      }
    }
  }
  s.states.forEach((st, i) => {
    if (!reached.has(st.id) && stateIds.has(s.start))
      problems.push({ path: ['states', i, 'id'], message: `state "${st.id}" cannot be reached from the start state` });
    if (!endsOk.has(st.id)) problems.push({ path: ['states', i, 'id'], message: `state "${st.id}" has no way to any ending` });
  });
  problems.push(...keyMomentProblems(s, new Set(stateIds.keys()), intentIds));
  if (!s.states.some((st) => st.transitions.some((t) => t.to === 'end:resolved')))
    problems.push({ path: ['states'], message: 'no state leads to end:resolved' });
  return problems;
}

/** The fewest variants a state's lines, again lines and waiting lines may have in each locale. */
export const MIN_VARIANTS = 3;

/**
 * A customer who keeps being missed must not loop: each of a state's lists (lines, again,
 * waiting) has at least MIN_VARIANTS variants with words in every locale of the scenario.
 */
function variantProblems(st: State, locales: readonly string[], path: (string | number)[]): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['lines', 'again', 'waiting'] as const) {
    const variants = st[key] ?? [];
    for (const locale of locales) {
      const said = variants.filter((v) => (v[locale as (typeof LOCALES)[number]] ?? []).some((part) => part.trim())).length;
      if (said < MIN_VARIANTS)
        problems.push({
          path: variants.length ? [...path, key] : path,
          message: `state "${st.id}" has ${said} ${key} variant(s) in ${locale}; at least ${MIN_VARIANTS} are needed so the customer does not repeat himself`,
        });
    }
  }
  return problems;
}

/** Key moments name states and intents of this scenario, and each has words in every locale it lists words for. */
function keyMomentProblems(s: Scenario, stateIds: Set<string>, intentIds: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  (s.keyMoments ?? []).forEach((k, i) => {
    const at = (...rest: (string | number)[]) => ['keyMoments', i, ...rest];
    if (ids.has(k.id)) problems.push({ path: at('id'), message: `duplicate key moment id "${k.id}"` });
    ids.add(k.id);
    (k.when.state ?? []).forEach((st, j) => {
      if (!stateIds.has(st)) problems.push({ path: at('when', 'state', j), message: `state "${st}" is not defined under states` });
    });
    (k.when.intent ?? []).forEach((it, j) => {
      if (!intentIds.has(it)) problems.push({ path: at('when', 'intent', j), message: `intent "${it}" is not defined under intents` });
    });
    for (const key of ['before', 'after'] as const) {
      const intent = k[key];
      if (intent !== undefined && !intentIds.has(intent))
        problems.push({ path: at(key), message: `intent "${intent}" is not defined under intents` });
    }
    if (k.when.words) {
      for (const locale of s.locales)
        if (!k.when.words[locale]?.length) problems.push({ path: at('when', 'words'), message: `no words in ${locale}` });
    }
  });
  return problems;
}
