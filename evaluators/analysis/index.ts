// The analysis of a trainee reply, shared by the customer engine and the evaluators.
export { analyseReply, analysePrepared, ACTS, type Act, type Clause, type ConceptHit, type ReplyAnalysis } from './analyse.ts';
export { matchPattern, matchAny, impossiblePatternReason, patternConcepts, says, type ConceptPattern } from './pattern.ts';
export { loadConcepts, conceptsFor, conceptProblems, REQUIRED_CONCEPTS, type Concept, type ConceptSet } from './concepts.ts';
export { findNumbers, chineseNumeral, type NumberHit } from './numbers.ts';
export {
  FACT_QUESTION,
  hearing,
  playedBackAt,
  ownMoves,
  listeningActs,
  replyListening,
  listens,
  greetingOnly,
  onlyAsks,
  replyReading,
  COURTESY_ACTS,
  type Hearing,
} from './listening.ts';
