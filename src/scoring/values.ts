/** Reading one CellValue the way the engine (and the template's formulas) understand it. */
import type { CellValue } from "./types";

export type ReadValue =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  /** text or a boolean (numbers as text were converted by the reader before the engine) */
  | { kind: "invalid"; shown: string };

const BLANK: ReadValue = { kind: "blank" };

/**
 * Text trimmed as the template's formulas trim it (`trimmed` in src/sheet/formulas.ts): the ASCII space and the
 * full-width space (U+3000) a Chinese input method types; a tab or line break is content, as it is to Excel's TRIM.
 */
export function trimLikeSheet(text: string): string {
  return text.replace(/^[ \u3000]+|[ \u3000]+$/g, "");
}

/** null, undefined, "" and whitespace are blank; a finite number is a number; anything else is invalid. */
export function readValue(value: CellValue | undefined): ReadValue {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid", shown: String(value) };
  }
  if (typeof value === "string") {
    const text = trimLikeSheet(value);
    return text === "" ? BLANK : { kind: "invalid", shown: text };
  }
  return { kind: "invalid", shown: value ? "TRUE" : "FALSE" };
}

/** A reason or evidence cell counts as filled in when it holds anything but blank. */
export function isFilled(value: CellValue | undefined): boolean {
  return readValue(value).kind !== "blank";
}

export type VetoAnswer = "yes" | "no" | "invalid";

/** 是 → yes; 否 or blank → no; anything else is invalid (and is treated as no by the caller). */
export function readVetoAnswer(value: CellValue | undefined): VetoAnswer {
  if (value === null || value === undefined) return "no";
  if (typeof value !== "string") return "invalid";
  const answer = trimLikeSheet(value);
  if (answer === "是") return "yes";
  if (answer === "否" || answer === "") return "no";
  return "invalid";
}
