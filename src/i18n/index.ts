/**
 * The one module holding UI strings: zh-CN (default) and en-US. `t(key, params)` reads the current language;
 * the user's choice is kept in localStorage, and Office's display language is the first guess when it is en-*.
 */
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";
import type { MessageKey } from "./zh-CN";

export type { MessageKey } from "./zh-CN";
export type Language = "zh-CN" | "en-US";
export type MessageParams = Record<string, string | number>;

export const LANGUAGES: readonly Language[] = ["zh-CN", "en-US"];
export const LANGUAGE_NAMES: Record<Language, string> = { "zh-CN": "中文", "en-US": "English" };
export const LANGUAGE_STORAGE_KEY = "branch-scoring.language";

const catalogues: Record<Language, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };

/** The part of Web Storage we use; injectable so tests and hosts without localStorage work. */
export interface LanguageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Fill {name} placeholders; an unknown placeholder stays visible so a missing parameter is noticed. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A stored choice wins; else English when Office itself speaks English; else Chinese. */
export function chooseInitialLanguage(stored: string | null, officeDisplayLanguage?: string): Language {
  if (isLanguage(stored)) return stored;
  if (officeDisplayLanguage && /^en(-|$)/i.test(officeDisplayLanguage)) return "en-US";
  return "zh-CN";
}

let current: Language = "zh-CN";
let storage: LanguageStorage | undefined = defaultStorage();
const listeners = new Set<(language: Language) => void>();

function defaultStorage(): LanguageStorage | undefined {
  // localStorage may be missing (Node) or throw on access (some locked-down Office webviews)
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function readStored(): string | null {
  try {
    return storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Decide the language at start-up; `storageOverride` replaces localStorage (tests, hosts without it). */
export function initLanguage(officeDisplayLanguage?: string, storageOverride?: LanguageStorage): Language {
  if (storageOverride) storage = storageOverride;
  current = chooseInitialLanguage(readStored(), officeDisplayLanguage);
  return current;
}

export function getLanguage(): Language {
  return current;
}

/** Switch language, remember it, and tell subscribers (the React root re-renders). */
export function setLanguage(language: Language): void {
  current = language;
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage full or forbidden: the choice still holds for this session
  }
  for (const listener of listeners) listener(language);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params);
}
