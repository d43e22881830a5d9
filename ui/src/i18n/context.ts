import { createContext } from "react";
import type { MessageKey } from "./en";
import type { Lang, Params } from "./translate";

export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
};

export const I18nContext = createContext<I18n | null>(null);
