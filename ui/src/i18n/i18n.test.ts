import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "./en";
import { detectLang, translate } from "./translate";
import { zh } from "./zh";

describe("i18n", () => {
  it("translates with parameters", () => {
    expect(translate("en", "restore.notice", { n: 2 })).toBe("Restored 2 running batch(es)");
    expect(translate("zh", "restore.notice", { n: 2 })).toBe("已恢复 2 个运行中的任务");
  });

  it("falls back to English when Chinese lacks a key", () => {
    const key = "app.name" as MessageKey;
    const saved = zh[key];
    delete zh[key];
    try {
      expect(translate("zh", key)).toBe(en[key]);
    } finally {
      zh[key] = saved;
    }
  });

  it("falls back to the key itself when no dictionary has it", () => {
    expect(translate("zh", "no.such.key" as MessageKey)).toBe("no.such.key");
  });

  it("leaves unknown placeholders alone", () => {
    expect(translate("en", "results.count", { shown: 1 })).toBe("1 of {total}");
  });

  it("follows the browser language unless a choice is stored", () => {
    expect(detectLang(null, "zh-CN")).toBe("zh");
    expect(detectLang(null, "zh-Hant-TW")).toBe("zh");
    expect(detectLang(null, "en-US")).toBe("en");
    expect(detectLang(null, undefined)).toBe("en");
    expect(detectLang("en", "zh-CN")).toBe("en");
    expect(detectLang("zh", "de")).toBe("zh");
    expect(detectLang("fr", "de")).toBe("en");
  });

  it("has Chinese for every English key", () => {
    const missing = Object.keys(en).filter((k) => !(k in zh));
    expect(missing).toEqual([]);
  });
});
