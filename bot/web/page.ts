// The web chat page: HTML shell in the trainee's language. Everything it loads comes from
// this server (no CDN), so it works offline and on closed networks.
import { ruleLocale } from '../../evaluators/index.ts';
import { LOCALES } from '../directline/options.ts';

export const PRODUCT_NAME = { 'zh-CN': '客服情景演练', en: 'Customer Service Role-Play Trainer' } as const;

export type PageLocale = keyof typeof PRODUCT_NAME;

/** The page's language: a supported `?locale=` wins, then the browser's first language. */
export function pageLocale(acceptLanguage: string | undefined, query: string | null): PageLocale {
  const asked = query !== null && (LOCALES as readonly string[]).includes(query) ? query : undefined;
  return ruleLocale(asked ?? (acceptLanguage ?? '').split(',')[0]?.split(';')[0], 'zh-CN');
}

/** The page; `app.js` takes over after load (identity, token, Web Chat). */
export function renderPage(locale: PageLocale, assetVersion: string): string {
  const title = PRODUCT_NAME[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css?v=${assetVersion}">
</head>
<body data-locale="${locale}">
<header class="topbar">
  <div class="brand">
    <img src="/static/favicon.svg" alt="" width="32" height="32">
    <div>
      <h1 data-i18n="title">${title}</h1>
      <p class="tagline" data-i18n="tagline"></p>
    </div>
  </div>
  <div class="controls">
    <span class="trainee" id="trainee-label" hidden></span>
    <button type="button" id="new-session" class="ghost" data-i18n="newSession" hidden></button>
    <div class="lang" role="group" aria-label="Language">
      <button type="button" data-lang="zh-CN">中文</button>
      <button type="button" data-lang="en">English</button>
    </div>
  </div>
</header>
<main>
  <section id="welcome" class="welcome" hidden>
    <h2 data-i18n="welcomeTitle"></h2>
    <p data-i18n="welcomeText"></p>
    <form id="name-form" autocomplete="on">
      <label for="trainee-name" data-i18n="nameLabel"></label>
      <input id="trainee-name" name="name" maxlength="40" required>
      <button type="submit" id="start" data-i18n="start"></button>
    </form>
    <p class="hint" data-i18n="privacy"></p>
  </section>
  <section id="chat" class="chat" hidden>
    <div id="webchat" role="main"></div>
  </section>
  <p id="status" class="status" role="status" hidden></p>
</main>
<script src="/static/webchat.js?v=${assetVersion}"></script>
<script src="/static/app.js?v=${assetVersion}"></script>
</body>
</html>
`;
}
