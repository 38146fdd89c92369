import type { Rule } from './rules/rule.ts';
import { interrupting } from './rules/interrupting.ts';
import { empathy } from './rules/empathy.ts';
import { jargon } from './rules/jargon.ts';
import { promises } from './rules/promises.ts';
import { problemSolving } from './rules/problem-solving.ts';
import { addressing, positiveWording, provocative, requestWording } from './rules/extras.ts';

/** The five scored evaluators, in report order. */
export const EVALUATORS: readonly Rule[] = [interrupting, empathy, jargon, promises, problemSolving];
/** Checks that feed the score card only. */
export const EXTRAS: readonly Rule[] = [addressing, positiveWording, requestWording, provocative];
