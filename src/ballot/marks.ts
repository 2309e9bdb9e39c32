/**
 * What one row of a ballot says: a level, nothing, several levels, or something else. Paper ballots reach the 计票
 * sheet as typed by a clerk, and filled ballots may be typed rather than picked from the list, so the text is
 * compared in NFKC form (full-width letters and spaces equal half-width ones).
 */
import type { CellValue } from "../scoring/types";

export type Mark =
  | { kind: "level"; level: string }
  | { kind: "blank" }
  /** more than one level marked (e.g. “好、较好” typed for a ballot with two ticks) */
  | { kind: "multiple"; levels: string[] }
  /** a mark that is not one of the levels (e.g. “优”, “A”) */
  | { kind: "unknown"; text: string };

/** Separators a clerk types between two ticked levels. */
const SEPARATORS = /[、,，;；/／\s]+/;

export function readMark(value: CellValue | undefined, levels: readonly string[]): Mark {
  const text = value === null || value === undefined ? "" : String(value).normalize("NFKC").trim();
  if (text === "") return { kind: "blank" };
  const byKey = new Map(levels.map((level) => [level.normalize("NFKC"), level]));
  const whole = byKey.get(text);
  if (whole !== undefined) return { kind: "level", level: whole };
  const parts = text.split(SEPARATORS).filter((part) => part !== "");
  const known = parts.map((part) => byKey.get(part));
  if (parts.length > 1 && known.every((level) => level !== undefined)) {
    const distinct = [...new Set(known as string[])];
    return distinct.length === 1 ? { kind: "level", level: distinct[0] } : { kind: "multiple", levels: distinct };
  }
  return { kind: "unknown", text };
}
