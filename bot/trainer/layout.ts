// The dashboard's page shell: the web chat's stylesheet and top bar, the language switch,
// everything inline (no external file, no script).
import { readFileSync } from 'node:fs';
import { escapeHtml } from './html.ts';
import type { Clock } from './dates.ts';
import { DASH_LOCALES, t, type DashLocale } from './i18n.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const STYLE = `${read('../web/static/app.css')}\n${read('./static/dashboard.css')}`;
const ICON = `data:image/svg+xml;base64,${Buffer.from(read('../web/static/favicon.svg')).toString('base64')}`;

export interface View {
  locale: DashLocale;
  clock: Clock;
  /** The page's own path and query, for the language switch. */
  url: URL;
  /** The scenario's title in the page's language; its id when the scenario is unknown. */
  scenarioTitle(id: string): string;
}

const LANG_NAMES: Record<DashLocale, string> = { 'zh-CN': '中文', en: 'English' };

function langSwitch(view: { locale: DashLocale; url: URL }): string {
  return `<div class="lang" role="group" aria-label="${escapeHtml(t(view.locale, 'language'))}">${DASH_LOCALES.map((l) => {
    const target = new URL(view.url.href);
    target.searchParams.set('lang', l);
    return `<a href="${escapeHtml(target.pathname + target.search)}" hreflang="${l}" lang="${l}" aria-current="${l === view.locale}">${LANG_NAMES[l]}</a>`;
  }).join('')}</div>`;
}

export function shell(
  view: View | { locale: DashLocale; url?: URL },
  title: string,
  body: string,
  options: { nav?: boolean } = {},
): string {
  const locale = view.locale;
  const full = 'clock' in view;
  const nav =
    options.nav !== false && full
      ? `<nav aria-label="${escapeHtml(t(locale, 'dashboard'))}"><a href="/trainer">${escapeHtml(t(locale, 'overview'))}</a><a href="/trainer#trainees">${escapeHtml(t(locale, 'trainees'))}</a><a href="/trainer#scenarios">${escapeHtml(t(locale, 'scenarios'))}</a><a href="/trainer#disputes">${escapeHtml(t(locale, 'disputes'))}</a></nav>`
      : '';
  const footer = full ? `<footer class="dash">${escapeHtml(t(locale, 'timeZone'))}: ${escapeHtml(view.clock.timeZone)}</footer>` : '';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · ${escapeHtml(t(locale, 'dashboard'))}</title><link rel="icon" href="${ICON}" type="image/svg+xml"><style>${STYLE}</style></head><body><header class="topbar"><div class="brand"><img src="${ICON}" alt="" width="32" height="32"><div><h1>${escapeHtml(t(locale, 'dashboard'))}</h1><p class="tagline">${escapeHtml(t(locale, 'product'))}</p></div></div><div class="controls">${nav}${view.url ? langSwitch({ locale, url: view.url }) : ''}</div></header><main class="dash">${body}</main>${footer}</body></html>`;
}
