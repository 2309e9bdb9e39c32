import {
  LANGUAGE_STORAGE_KEY,
  chooseInitialLanguage,
  getLanguage,
  initLanguage,
  onLanguageChange,
  setLanguage,
  t,
  translate,
} from "../../src/i18n";
import type { LanguageStorage } from "../../src/i18n";
import { enUS } from "../../src/i18n/en-US";
import { zhCN } from "../../src/i18n/zh-CN";

function memoryStorage(initial: Record<string, string> = {}): LanguageStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("UI strings", () => {
  const keys = Object.keys(zhCN) as (keyof typeof zhCN)[];

  test("English has exactly the Chinese keys, none empty", () => {
    expect(Object.keys(enUS).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(zhCN[key].trim()).not.toBe("");
      expect(enUS[key].trim()).not.toBe("");
    }
  });

  test("both languages use the same placeholders for each key", () => {
    for (const key of keys) expect({ key, names: placeholders(enUS[key]) }).toEqual({ key, names: placeholders(zhCN[key]) });
  });

  test("Chinese strings are Chinese and use the domain terms", () => {
    for (const key of keys) expect({ key, hasHan: /\p{Script=Han}/u.test(zhCN[key]) }).toEqual({ key, hasHan: true });
    const all = Object.values(zhCN).join("\n");
    for (const term of ["评分表", "评分", "插入评分表", "定稿", "解除定稿", "等次", "问题清单", "不得参评", "严重", "警告"]) {
      expect(all).toContain(term);
    }
  });
});

describe("translate", () => {
  test("fills placeholders and keeps unknown ones visible", () => {
    expect(translate("zh-CN", "scoring.sectionScore", { score: 37.5, points: 40 })).toBe("37.5 / 40 分");
    expect(translate("en-US", "scoring.sectionScore", { score: "7" })).toBe("7 / {points}");
  });
});

describe("language choice", () => {
  test("a stored choice wins over Office's display language", () => {
    expect(chooseInitialLanguage("zh-CN", "en-US")).toBe("zh-CN");
    expect(chooseInitialLanguage("en-US", "zh-CN")).toBe("en-US");
  });

  test("without a stored choice, any English Office means English, anything else Chinese", () => {
    expect(chooseInitialLanguage(null, "en-GB")).toBe("en-US");
    expect(chooseInitialLanguage(null, "EN")).toBe("en-US");
    expect(chooseInitialLanguage(null, "zh-TW")).toBe("zh-CN");
    expect(chooseInitialLanguage(null, "fr-FR")).toBe("zh-CN");
    expect(chooseInitialLanguage(null, undefined)).toBe("zh-CN");
    expect(chooseInitialLanguage("klingon", "zh-CN")).toBe("zh-CN");
  });

  test("switching is remembered in storage and announced", () => {
    const storage = memoryStorage();
    expect(initLanguage("zh-CN", storage)).toBe("zh-CN");
    const heard: string[] = [];
    const stop = onLanguageChange((language) => heard.push(language));
    setLanguage("en-US");
    stop();
    setLanguage("zh-CN");
    expect(heard).toEqual(["en-US"]);
    expect(storage.data[LANGUAGE_STORAGE_KEY]).toBe("zh-CN");
    expect(initLanguage("en-US", memoryStorage({ [LANGUAGE_STORAGE_KEY]: "zh-CN" }))).toBe("zh-CN");
  });

  test("t follows the current language", () => {
    initLanguage(undefined, memoryStorage());
    expect(getLanguage()).toBe("zh-CN");
    expect(t("scoring.finalize")).toBe("定稿");
    setLanguage("en-US");
    expect(t("scoring.finalize")).toBe(enUS["scoring.finalize"]);
    setLanguage("zh-CN");
  });

  test("storage that throws does not break start-up or switching", () => {
    const broken: LanguageStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(initLanguage("en-US", broken)).toBe("en-US");
    expect(() => setLanguage("zh-CN")).not.toThrow();
    expect(getLanguage()).toBe("zh-CN");
  });
});
