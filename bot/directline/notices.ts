// What the Direct Line endpoint itself says to a trainee, in both languages.

const RESTARTED = {
  'zh-CN': '服务刚刚重启过：你上一条消息已经收到，但它的回复没能发出。如果没有看到对它的回复，请再发一次。',
  en: 'The service restarted just after your last message arrived, and its reply could not be sent. If you see no answer to it, please send it again.',
} as const;

/** For a stored message whose turn, finished after a restart, produced no reply. */
export function restartedNotice(locale: unknown): string {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? RESTARTED.en : RESTARTED['zh-CN'];
}
