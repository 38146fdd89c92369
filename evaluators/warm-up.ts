// Everything the evaluators load on first use (lexicons, context words, the jieba
// dictionary, the English stemmer, the traditional-character table), loaded now:
// a server calls this before it reports ready, a scoring worker before its first
// batch, so the first trainee's reply is not the one that waits.
import { evaluateReply } from './index.ts';
import { lexiconProblems } from './lexicon/load.ts';

const SAMPLES: [string, 'zh-CN' | 'zh-TW' | 'en'][] = [
  ['非常抱歉,我马上帮您查一下,明天上午给您回电话。', 'zh-CN'],
  ['很抱歉,我現在就幫您清點錢箱。', 'zh-TW'],
  ["I'm sorry, I will check your account and call you back today.", 'en'],
];

/** Loads everything; returns the lexicon problems (entries left out, with file:line) for the caller to report. */
export function warmUp(): string[] {
  const problems = lexiconProblems();
  for (const [reply, locale] of SAMPLES) evaluateReply(reply, { locale, customer: reply });
  return problems;
}
