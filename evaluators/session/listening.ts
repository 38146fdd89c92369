// How a reply hears the customer out: a question that gathers facts, restating what the
// customer said, or checking that both sides agree. A small stand-alone reading of the reply,
// kept separate so that the shared analysis of a reply can take its place.
import type { ListeningActs, RuleLocale } from '../types.ts';
import { simplify } from '../text/simplify.ts';

/** Words that ask for a fact of the customer's case (amount, time, place, which one, whether). */
const FACT_WORDS: Record<RuleLocale, RegExp> = {
  'zh-CN':
    /多少|几[张个点天次号块元位台月]|什么时候|哪天|哪里|哪儿|哪个|哪一|哪家|什么|怎么(?!回事|办)|是不是|有没有|是否|能不能说|可以说|方便说|还记得|记得吗|请问|问一下|问问您|想问|能问|贵姓|吗[?？]?$|呢[?？]?$/,
  en: /^(?:(?:and |so |sorry,? |ok(?:ay)?,? |right,? )?(?:what|when|where|which|who|how (?:much|many|long|often)|did|do|does|is|are|was|were|have|has|could you (?:tell|show|say|remember)|can you (?:tell|show|say|remember)|would you (?:tell|mind telling)|(?:can|could|may|might) i (?:just |also )?ask|(?:do|would) you mind (?:if i ask|me asking|telling)|i was wondering|i(?:'d| would) like to ask|let me ask)\b)/i,
};

/** Questions that gather nothing: an opening offer of help, or a challenge thrown at the customer. */
const NOT_FACT_QUESTION: Record<RuleLocale, RegExp> = {
  'zh-CN':
    /有什么(?:可以|能|需要)?(?:帮|为)|还有(?:什么|别的)(?:需要|问题)|你(?:懂不懂|有没有常识|听不懂|烦不烦|想怎样|想怎么样|凭什么|讲不讲理)|是不是(?:傻|有病)|有病吧|怎么回事$/,
  en: /\bhow (?:can|may) i help\b|\banything else\b|\bwhat can i do for you\b|\bare you (?:deaf|stupid|serious)\b|\bwhat(?:'s| is) your problem\b|\bdo you even\b|\bwho do you think\b/i,
};

const RESTATE: Record<RuleLocale, RegExp> = {
  'zh-CN':
    /(?:您|你)(?:是|的意思是|刚才|刚刚)?说|(?:您|你)的意思是|也就是说|就是说(?:您|你)|我(?:先)?(?:确认|复述|重复|核实)一下|我(?:听|理解)(?:明白|清楚)?(?:了|的是)|我没理解错的话|如果我没听错|我理一下/,
  en: /\bso you(?:'re| are)? (?:saying|telling me)\b|\bif i (?:understand|heard|got) (?:you|that|this)\b|\bjust to (?:confirm|check|be sure|make sure)\b|\blet me (?:make sure|check) i(?:'ve)? (?:got|understand)\b|\bso what happened (?:is|was)\b|\byou(?:'re| are) saying\b|\byou said\b|\bif i(?:'ve| have) got (?:this|that|it) right\b|\bto make sure i(?:'ve)? got\b|\bso,? (?:you|your)\b/i,
};

const CONFIRM: Record<RuleLocale, RegExp> = {
  'zh-CN':
    /(?:对吗|对不对|是吗|是这样吗|是这样的吧|没错吧|行不行|行吗|好吗|好不好|可以吗|可不可以|您看呢|您看怎么样|您看这样)[?？!！。]?\s*$/,
  en: /\b(?:right|correct|is that right|is that correct|does that sound right|is that ok(?:ay)?|ok(?:ay)?|does that work(?: for you)?|would that help|how does that sound|fair enough)\s*\?\s*$/i,
};

const ZH_FUNCTION = /[的了是我你您吗呢啊吧这那就都也还在和跟给把被有没不很太吧么个一]/;
const EN_STOP = new Set(
  'the a an and or but to of in on at for with from this that these those you your yours i me my we our us it its is are was were be been have has had do did does not no so just then than there here what when where which who how why can could will would should shall may might must about into over out up down off again very really'.split(
    ' ',
  ),
);

/** Content pieces of a text: Chinese character pairs without function characters, or English content words. */
function pieces(text: string, locale: RuleLocale): Set<string> {
  const out = new Set<string>();
  if (locale === 'zh-CN') {
    const t = simplify(text).text.replace(/[^\p{Script=Han}0-9]/gu, ' ');
    for (let i = 0; i + 1 < t.length; i++) {
      const pair = t.slice(i, i + 2);
      if (/\s/.test(pair) || ZH_FUNCTION.test(pair)) continue;
      out.add(pair);
    }
  } else {
    for (const w of text.toLowerCase().match(/[a-z0-9']+/g) ?? []) if (w.length >= 4 && !EN_STOP.has(w)) out.add(w);
  }
  return out;
}

/** The clauses of a reply that are questions (ending with a question mark or a question particle). */
function questions(text: string, locale: RuleLocale): string[] {
  const out: string[] = [];
  const re = locale === 'zh-CN' ? /[^。！!？?；;\n]*[？?]/g : /[^.!?;\n]*\?/g;
  for (const m of text.match(re) ?? []) out.push(m.trim());
  if (locale === 'zh-CN' && !out.length && /(?:吗|呢)[。.]?\s*$/.test(text)) out.push(text.trim());
  // Asked politely without a question mark ("我想问一下您是几点付的", "Can I ask when you paid."): still a question.
  const polite =
    locale === 'zh-CN'
      ? /请问|问一下|问问您|想问|能问/
      : /\b(?:(?:can|could|may|might) i (?:just |also )?ask|do you mind (?:if i ask|me asking)|i was wondering)\b/i;
  const sentences = text.split(locale === 'zh-CN' ? /[。！!？?；;\n]/ : /[.!?;\n]/);
  for (const sentence of sentences) if (polite.test(sentence) && !out.some((q) => q.includes(sentence.trim()))) out.push(sentence.trim());
  return out;
}

export function listeningActs(reply: string, customer: string, locale: RuleLocale): ListeningActs {
  const text = locale === 'zh-CN' ? simplify(reply).text : reply;
  const asked = questions(text, locale);
  const question = asked.some((q) => {
    // English questions are read clause by clause ("Sorry about that, when did you pay?", "When was it, if I may ask?").
    const clauses = locale === 'en' ? q.split(/[,;:]\s*/) : [q];
    return !NOT_FACT_QUESTION[locale].test(q) && !CONFIRM[locale].test(q) && clauses.some((c) => FACT_WORDS[locale].test(c.trim()));
  });
  const said = pieces(customer, locale);
  const shared = [...pieces(text, locale)].filter((p) => said.has(p)).length;
  const addressed = locale === 'zh-CN' ? /您|你/.test(text) : /\byou/i.test(text);
  const restate = RESTATE[locale].test(text) || (addressed && shared >= 3);
  const confirm = CONFIRM[locale].test(text.trim()) || asked.some((q) => CONFIRM[locale].test(q));
  return { question, restate, confirm };
}

/** True when the acts credit listening at all. */
export function listens(acts: ListeningActs | undefined): boolean {
  return !!acts && (acts.question || acts.restate || acts.confirm);
}

/** A greeting with nothing else in it ("您好,请问有什么可以帮您?", "Hi, how can I help?"). */
export function greetingOnly(reply: string, locale: RuleLocale): boolean {
  const text = (locale === 'zh-CN' ? simplify(reply).text : reply).trim();
  if (locale === 'zh-CN')
    return (
      text.length <= 16 &&
      /^(?:您好|你好|欢迎光临|早上好|下午好|晚上好|嗨)/.test(text) &&
      !/[0-9]|查|核|退|补|办|换|修|抱歉|对不起/.test(text)
    );
  return text.split(/\s+/).length <= 8 && /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|welcome)\b/i.test(text);
}
