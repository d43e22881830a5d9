/** Looking words up: the chosen language, then English, then the key itself. */
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];
export const LANG_NAMES: Record<Lang, string> = { en: "English", zh: "简体中文" };
export const STORAGE_KEY = "apiautotest.lang";

const DICTIONARIES: Record<Lang, Partial<Record<MessageKey, string>>> = { en, zh };

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[lang][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The stored choice wins; otherwise zh* browsers get Chinese, the rest English. */
export function detectLang(stored: string | null, navigatorLanguage: string | undefined): Lang {
  if (stored === "en" || stored === "zh") return stored;
  return navigatorLanguage?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function initialLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable; the browser language decides.
  }
  return detectLang(stored, typeof navigator === "undefined" ? undefined : navigator.language);
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}
