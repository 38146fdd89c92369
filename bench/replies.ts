// A month of transcripts, made up: JSON Lines for `roleplay score`, zh-CN, zh-TW and
// English mixed, one to four sentences per reply (10–250 characters), built from
// the kind of sentences trainees write. Seeded, so every run scores the same file.

const ZH = [
  '非常抱歉给您添麻烦了',
  '我理解您的心情,换做是我也会着急',
  '你先听我说',
  '不可能,系统显示您根本没交费',
  '我现在就帮您清点一下钱箱,如果确实少找了,差额马上退给您',
  '您的APN配置可能有问题,HLR签约数据我转给后台看一下',
  '我保证今天之内肯定给您恢复',
  '请您稍等,我把今天的交易记录调出来核对一下',
  '这个问题我需要跟值班经理确认,大概五分钟,您先坐一下',
  '明天上午十点前我给您回电话,告诉您处理进度',
  '这是规定,我也没办法',
  '麻烦您把小票给我看一下好吗',
  '一般24小时内处理好,处理完会有短信通知您',
  '您说的情况我都记下来了,工单号是20261130,您可以随时查询',
  '这种事情很正常,您别激动',
  '我马上帮您提交加急复机申请',
];
const TW = [
  '很抱歉,2G的號碼沒辦法直接辦3G方案',
  '不過我可以幫您把通訊錄導入商務助理,群發簡訊通知新號碼',
  '我現在就幫您清點錢箱',
  '您放心,我們會盡快處理',
  '請您稍等一下,我幫您查詢帳單明細',
];
const EN = [
  "I'm so sorry about that",
  'Let me recount the till right now and refund the difference if it is short',
  "That's impossible, our network is fine",
  "I guarantee it'll be fixed today, 100%",
  'I will call the owner now and get back to you within ten minutes',
  'I understand how frustrating this must be',
  'Could you show me the receipt, please?',
  'Our policy does not allow that, there is nothing I can do',
  'I have logged ticket 20261130 and you will get a text message when it is done',
  'Please bear with me while I check your account',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateReplies(lines: number, seed = 20261130): { text: string; averageChars: number } {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out: string[] = [];
  let chars = 0;
  for (let i = 0; i < lines; i++) {
    const r = next();
    const locale = r < 0.6 ? 'zh-CN' : r < 0.7 ? 'zh-TW' : 'en';
    const pool = locale === 'zh-CN' ? ZH : locale === 'zh-TW' ? TW : EN;
    const sentences = 1 + Math.floor(next() * 4);
    const parts = Array.from({ length: sentences }, () => pick(pool));
    const reply = locale === 'en' ? `${parts.join('. ')}.` : `${parts.join(',')}。`;
    chars += reply.length;
    const customer =
      locale === 'en'
        ? pick(['You gave me the wrong change!', 'When will it be fixed?', 'My phone keeps dropping calls.'])
        : pick(['你少找我钱了!', '我的号码为什么又停机了?', '到底什么时候能好?']);
    out.push(JSON.stringify({ id: `r${i}`, locale, customer, reply }));
  }
  return { text: `${out.join('\n')}\n`, averageChars: chars / Math.max(1, lines) };
}
