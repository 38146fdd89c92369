// The bot's own words, per locale. The customer's lines come from the scenarios.
import { ruleLocale } from '../../evaluators/index.ts';

const zh = {
  welcome: '你好！这里是客服陪练。我会扮演一位难缠的顾客，你来接待。选一个场景开始吧。',
  help: '命令：帮助、列表、开始 <场景>、重来、结束、提示、成绩、模式 练习|考试、语言 中文|英文、我的记录。',
  noEngine: '暂时没有可用的场景，请稍后再试。',
  unknownScenario: (id: string) => `没有找到场景“${id}”。发送“列表”查看可用场景。`,
  noSession: '当前没有进行中的练习。发送“列表”选择一个场景。',
  started: (title: string) => `开始练习：${title}。顾客来了——`,
  startedExam: (title: string) => `开始考试：${title}。考试中没有点评和提示，结束后看成绩单。顾客来了——`,
  modeLocked: (mode: string) => `本场${mode === 'exam' ? '考试' : '练习'}还在进行，模式不能中途更改。发送“结束”结束本场后再切换。`,
  examNoHint: '考试中不提供提示。',
  examNoScore: '考试中不显示中途成绩，结束后会给你成绩单。',
  previousAbandoned: '上一场还没完成，已按“中途结束”记录。',
  ended: '练习结束，这是你的成绩单：',
  settled: '顾客的问题解决了。说句结束语送走顾客，或发送“结束”查看成绩单。',
  mode: (m: string) => `已切换到${m === 'exam' ? '考试' : '练习'}模式。`,
  language: '已切换为中文。',
  empty: '请输入文字回复顾客。',
  nonText: '目前只能处理文字消息，请用文字回复。',
  clipped: (n: number) => `你的回复太长，只按前 ${n} 个字评分。`,
  interrupted: '（你打断了顾客的话。）',
  badSubmit: '这个按钮的数据无效，请重新选择。',
  // Said for any failed turn: its state is saved last, so a failed turn was never saved.
  error: '抱歉，刚才这条没能保存。你的练习还在，请再发一次。',
  noFindings: '这句回复没有发现问题，继续保持。',
  better: '更好的说法',
  history: '你的练习记录：',
  historyBest: (score: number) => `最好: ${score}`,
  historyLatest: (scores: string) => `最近一次: ${scores}`,
  noHistory: '还没有完成的练习。',
  disputed: '已记录你的异议，培训师会查看。',
  disputeUnknown: '找不到这条判断，异议没有记录。请用成绩单上对应的按钮提出。',
  hintPrefix: '提示：',
};

const en: typeof zh = {
  welcome: 'Hello! This is customer-service practice. I play a difficult customer; you serve them. Pick a scenario to begin.',
  help: 'Commands: help, list, start <scenario>, restart, end, hint, score, mode practice|exam, language zh|en, history.',
  noEngine: 'No scenarios are available right now; please try again later.',
  unknownScenario: (id: string) => `There is no scenario "${id}". Send "list" to see them.`,
  noSession: 'No practice is running. Send "list" to pick a scenario.',
  started: (title: string) => `Starting: ${title}. Here comes the customer —`,
  startedExam: (title: string) => `Exam: ${title}. No coaching or hints until the end, then your score card. Here comes the customer —`,
  modeLocked: (mode: string) =>
    `This ${mode === 'exam' ? 'exam' : 'practice'} session is still running, so its mode cannot change. Send "end" first, then switch.`,
  examNoHint: 'No hints during an exam.',
  examNoScore: 'No interim score during an exam; you get the score card at the end.',
  previousAbandoned: 'Your previous session was not finished; it is recorded as abandoned.',
  ended: 'Session over. Here is your score card:',
  settled: 'The customer\'s problem is solved. Say your closing words, or send "end" to see your score card.',
  mode: (m: string) => `Switched to ${m} mode.`,
  language: 'Switched to English.',
  empty: 'Please type a reply to the customer.',
  nonText: 'Only text messages can be handled; please reply in text.',
  clipped: (n: number) => `Your reply was very long; only its first ${n} characters were scored.`,
  interrupted: '(You cut the customer off.)',
  badSubmit: 'That button carried invalid data; please choose again.',
  error: 'Sorry, that message could not be saved. Your session is still here; please send that again.',
  noFindings: 'Nothing to flag in that reply. Keep it up.',
  better: 'Better',
  history: 'Your past sessions:',
  historyBest: (score: number) => `Best: ${score}`,
  historyLatest: (scores: string) => `Latest: ${scores}`,
  noHistory: 'No finished sessions yet.',
  disputed: 'Your objection is recorded; a trainer will look at it.',
  disputeUnknown: 'That finding is not in your session, so nothing was recorded. Use the button on the score card.',
  hintPrefix: 'Hint: ',
};

export type Messages = typeof zh;

/** The texts for a language tag; Chinese unless the tag is English. */
export function messages(locale: string | undefined): Messages {
  return ruleLocale(locale, 'zh-CN') === 'en' ? en : zh;
}
