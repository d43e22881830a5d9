import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { MessageKey } from "./en";
import { I18nContext, type I18n } from "./context";
import { initialLang, storeLang, translate, type Lang, type Params } from "./translate";

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLang());
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key: MessageKey, params?: Params) => translate(lang, key, params),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
