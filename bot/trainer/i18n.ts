// The dashboard's words in zh-CN and English. The language comes from ?lang= (the switch,
// remembered in a cookie), else the cookie, else the browser's Accept-Language; zh-CN first.
import { DIMENSION_LABELS, evaluatorName, type Dimension, type EvaluatorId, type SessionOutcome } from '../../evaluators/index.ts';

export type DashLocale = 'zh-CN' | 'en';
export const DASH_LOCALES: readonly DashLocale[] = ['zh-CN', 'en'];
export const LANG_COOKIE = 'trainer_lang';

function asLocale(value: string | null | undefined): DashLocale | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}

/** Accept-Language with its q-values: the first language the dashboard speaks wins. */
function fromAcceptLanguage(header: string | undefined): DashLocale | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const l of ranked) {
    const locale = asLocale(l.tag);
    if (locale) return locale;
  }
  return undefined;
}

export function dashLocale(query: string | null, cookie: string | undefined, acceptLanguage: string | undefined): DashLocale {
  return asLocale(query) ?? asLocale(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? 'zh-CN';
}

const TEXT = {
  'zh-CN': {
    product: '客服情景演练',
    dashboard: '培训师看板',
    loginTitle: '培训师登录',
    token: '访问令牌',
    signIn: '登录',
    wrongToken: '令牌不正确。',
    overview: '总览',
    trainees: '学员',
    trainee: '学员',
    scenarios: '情景',
    scenario: '情景',
    sessions: '练习',
    session: '练习',
    turns: '轮次',
    avgTurns: '平均轮次',
    started: '开始时间',
    outcome: '结果',
    overall: '总分',
    inProgress: '进行中',
    averagePerDimension: '各维度平均分',
    trend: '趋势',
    trendPerDimension: '各维度趋势',
    lastSession: '最近一次',
    weakest: '最弱维度',
    missedMoments: '最常错过的关键时刻',
    keyMoments: '关键时刻',
    dimension: '维度',
    scoresPerDimension: '各维度得分',
    mostMissedMoment: '最常错过的关键时刻',
    noMoments: '这些练习还没有记录关键时刻。',
    notArisen: '本场没有出现',
    resolveRate: '解决率',
    outcomes: '结局分布',
    filter: '筛选',
    since: '起始日期',
    nameOrId: '姓名或编号',
    all: '全部',
    exportSessions: '导出练习 (CSV)',
    exportTurns: '导出对话轮次 (CSV)',
    disputes: '申诉',
    openDisputes: '待处理的申诉',
    noDisputes: '没有待处理的申诉。',
    accept: '接受',
    reject: '驳回',
    reason: '驳回理由',
    reasonRequired: '驳回申诉时请写明理由。',
    accepted: '已接受',
    rejected: '已驳回',
    corpusCase: '回归用例 (YAML)',
    flagLine: '标注语料行 (JSONL)',
    traineeComment: '学员说明',
    transcript: '对话记录',
    customer: '顾客',
    reply: '学员',
    customerAnswer: '顾客回应',
    interrupted: '(打断了顾客)',
    coachNotes: '教练点评',
    noFindings: '这一轮没有发现问题。',
    suggestion: '建议',
    noSessions: '没有符合条件的练习。',
    noData: '暂无数据',
    back: '返回总览',
    language: '语言',
    chartScores: '各维度得分随时间变化',
    chartAverages: '各维度平均分',
    dates: '日期',
    timeZone: '时区',
    notFound: '找不到这条记录。',
    count: '次数',
    turn: '第 {n} 轮',
    finding: '问题',
    credited: '做得好',
    score: '得分',
    missed: '错过',
    sessionsOf: '{name} 的练习',
    badDate: '“起始日期”必须是日期,例如 2026-12-01,而不是“{value}”',
    unavailable: '记录暂时无法读取,请稍后重试。',
  },
  en: {
    product: 'Customer Service Role-Play Trainer',
    dashboard: 'Trainer dashboard',
    loginTitle: 'Trainer sign-in',
    token: 'Access token',
    signIn: 'Sign in',
    wrongToken: 'Wrong token.',
    overview: 'Overview',
    trainees: 'Trainees',
    trainee: 'Trainee',
    scenarios: 'Scenarios',
    scenario: 'Scenario',
    sessions: 'Sessions',
    session: 'Session',
    turns: 'Turns',
    avgTurns: 'Average turns',
    started: 'Started',
    outcome: 'Outcome',
    overall: 'Overall',
    inProgress: 'in progress',
    averagePerDimension: 'Average per dimension',
    trend: 'Trend',
    trendPerDimension: 'Trend per dimension',
    lastSession: 'Last session',
    weakest: 'Weakest dimension',
    missedMoments: 'Key moments most often missed',
    keyMoments: 'Key moments',
    dimension: 'Dimension',
    scoresPerDimension: 'Score per dimension',
    mostMissedMoment: 'Moment most often missed',
    noMoments: 'No key moments are recorded for these sessions yet.',
    notArisen: 'did not come up',
    resolveRate: 'Resolve rate',
    outcomes: 'Outcomes',
    filter: 'Filter',
    since: 'Since',
    nameOrId: 'name or id',
    all: 'all',
    exportSessions: 'Export sessions (CSV)',
    exportTurns: 'Export turns (CSV)',
    disputes: 'Disputes',
    openDisputes: 'Open disputes',
    noDisputes: 'No open disputes.',
    accept: 'Accept',
    reject: 'Reject',
    reason: 'Reason for rejecting',
    reasonRequired: 'Give a reason when rejecting a dispute.',
    accepted: 'accepted',
    rejected: 'rejected',
    corpusCase: 'regression case (YAML)',
    flagLine: 'flag-corpus line (JSONL)',
    traineeComment: "Trainee's comment",
    transcript: 'Transcript',
    customer: 'Customer',
    reply: 'Trainee',
    customerAnswer: 'Customer answers',
    interrupted: '(interrupted the customer)',
    coachNotes: "Coach's notes",
    noFindings: 'Nothing to flag in this turn.',
    suggestion: 'Try',
    noSessions: 'No sessions match.',
    noData: 'no data yet',
    back: 'Back to the overview',
    language: 'Language',
    chartScores: 'Scores per dimension over time',
    chartAverages: 'Average score per dimension',
    dates: 'Dates',
    timeZone: 'Time zone',
    notFound: 'No such record.',
    count: 'Count',
    turn: 'Turn {n}',
    finding: 'Problem',
    credited: 'Done well',
    score: 'Score',
    missed: 'missed',
    sessionsOf: "{name}'s sessions",
    badDate: '"Since" must be a date such as 2026-12-01, not "{value}"',
    unavailable: 'The records are not available right now; please retry.',
  },
} as const satisfies Record<DashLocale, Record<string, string>>;

export type TextKey = keyof (typeof TEXT)['en'];

export function t(locale: DashLocale, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXT[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function dimensionLabel(dimension: Dimension, locale: DashLocale): string {
  return DIMENSION_LABELS[dimension][locale];
}

const OUTCOME_LABELS: Record<SessionOutcome, Record<DashLocale, string>> = {
  resolved: { 'zh-CN': '问题已解决', en: 'Resolved' },
  escalated: { 'zh-CN': '升级处理', en: 'Escalated' },
  abandoned: { 'zh-CN': '中途结束', en: 'Ended early' },
  'turn-limit': { 'zh-CN': '回合用完', en: 'Out of turns' },
};

export function outcomeLabel(outcome: SessionOutcome | undefined, locale: DashLocale): string {
  return outcome ? (OUTCOME_LABELS[outcome]?.[locale] ?? outcome) : t(locale, 'inProgress');
}

/** A missing good step is a finding of its own kind: "no empathy shown", not "empathy". */
const MISSING_LABELS: Partial<Record<EvaluatorId, Record<DashLocale, string>>> = {
  empathy: { 'zh-CN': '缺少同理心', en: 'No empathy shown' },
  problemSolving: { 'zh-CN': '没有提出解决办法', en: 'No step towards a solution' },
};

export function findingLabel(evaluator: string, rule: string, locale: DashLocale): string {
  const id = evaluator as EvaluatorId;
  if (rule === 'missing' && MISSING_LABELS[id]) return MISSING_LABELS[id][locale];
  // What a finding is about, as the trainee's score card names it (never the internal id).
  return evaluatorName(id, locale);
}
