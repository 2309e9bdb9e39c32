/**
 * One copy of what thousands of compiled files repeat (issue 12: 20 000 files in flat memory). Each file's result
 * arrives on its own (a worker's message, or its own read), so every file brought its own copies of the scheme's
 * codes and titles, of its dates, org, band and status, and of score lines equal to other files' (an indicator at
 * full marks is the same line in most files). Equal texts and equal score lines are replaced by one shared copy: the
 * values, keys and their order stay as they were, only fewer copies are kept. Safe because the summary reads its
 * inputs and never changes them.
 */
import type { SummaryInput } from "../summary/types";

/**
 * A key telling score lines apart exactly as their keys, key order and values do: their JSON text, for lines whose
 * JSON says all (no nested value, undefined, -0 or non-finite number, which JSON would blur; those are not shared).
 */
function lineKey(line: Record<string, unknown>): string | null {
  for (const name in line) {
    const value = line[name];
    if (value === undefined || (typeof value === "object" && value !== null) || Object.is(value, -0)) return null;
    if (typeof value === "number" && !Number.isFinite(value)) return null;
  }
  return JSON.stringify(line);
}

export class SharedValues {
  private readonly texts = new Map<string, string>();
  private readonly lines = new Map<string, object>();

  /** The kept copy of a text many files repeat. */
  text<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const kept = this.texts.get(value);
    if (kept !== undefined) return kept as T;
    this.texts.set(value, value);
    return value;
  }

  /** The kept copy of a flat line (a section's, indicator's or rule's score) equal to this one. */
  line<T extends object>(value: T): T {
    const key = lineKey(value as Record<string, unknown>);
    if (key === null) return value;
    const kept = this.lines.get(key);
    if (kept !== undefined) return kept as T;
    this.lines.set(key, value);
    return value;
  }

  /** The input with its repeated texts and score lines shared (changed in place: the caller's own, fresh input). */
  input(input: SummaryInput): SummaryInput {
    if (input.savedAt) input.savedAt = this.text(input.savedAt);
    const scored = input.scored;
    if (!scored) return input;
    const { meta, result } = scored;
    for (const key of ["org", "period", "rater", "evaluator", "date"] as const) (meta as unknown as Record<string, string>)[key] = this.text(meta[key]);
    for (const [key, value] of Object.entries(meta.extra ?? {})) meta.extra![key] = this.text(value);
    for (const [code, reason] of Object.entries(scored.reasons ?? {})) scored.reasons![code] = this.text(reason);
    scored.status = this.text(scored.status);
    result.scheme = this.text(result.scheme);
    result.schemeVersion = this.text(result.schemeVersion);
    result.band = this.text(result.band);
    result.vetoReasons = result.vetoReasons.map((reason) => this.text(reason));
    result.sections = result.sections.map((section) => this.line(section));
    result.indicators = result.indicators.map((indicator) => this.line(indicator));
    result.rules = result.rules.map((rule) => this.line(rule));
    return input;
  }
}
