/** The shape every rule kind's module fills in (see ./README.md). */
import type { Indicator, Rule } from "../../rubric/types";
import type { EntryField, Issue, RuleEntry } from "../types";

/** What one rule adds to its indicator. */
export interface Contribution {
  deduction: number;
  award: number;
}

/**
 * A rule row's values in the template's hidden 规则参数 columns (sheet/plan-params.ts places them): the same relative
 * validation formula on every row reads them. `cap` is set only where the amount is entered: its presence marks them.
 */
export interface SheetParams {
  /** an entry's allowed non-zero amount low…high (fixed: amount…amount); per occurrence for each-rules */
  low?: number;
  high?: number;
  cap?: number;
  step?: number;
  /** what the 数量 input holds: a count of occurrences (a whole number) or a measured number */
  quantity?: "occurrences" | "measure";
  /** upper bound of the 数量 input; absent = none */
  quantityMax?: number;
}

export interface RuleKindSpec<R extends Rule> {
  /** the input cells of the rule's row, in column order; the reader needs every one but reason and evidence */
  inputs: readonly EntryField[];
  /** the input the rule is about: its validation message says what a valid entry is */
  main: EntryField;
  /** the input that has no sensible blank (the task pane counts it as required); null when blank means "nothing found" */
  required: EntryField | null;
  /** the deduction or award the rule contributes; pushes one issue at most per input cell */
  evaluate(rule: R, indicator: Indicator, entry: RuleEntry | undefined, issues: Issue[]): Contribution;
  /** the line under the rule on the template saying what to enter (Chinese) */
  hint(rule: R, cap: number): string;
  /** what a valid entry of `main` is, for the cell's validation error, e.g. "应为 0 或 1" (Chinese) */
  expects(rule: R, cap: number, step: number): string;
  /** the rule's 规则参数 values */
  sheetParams(rule: R, limits: { cap: number; step: number }): SheetParams;
}
