/**
 * SharedValues keeps one copy of what compiled files repeat (issue 12): the inputs keep every value, key and key order
 * (the data sheet `_rows` stores them as JSON text), and the summary of many branches is the one compiled from
 * inputs that share nothing.
 */
import { compileSources, type WorkbookSource } from "../../src/batch/compile-core";
import { SharedValues } from "../../src/batch/shared-values";
import { compileSummary } from "../../src/summary/summarize";
import { toCompileJson } from "../../src/summary/compile-json";
import type { SummaryInput } from "../../src/summary/types";
import { branchInputs, LH } from "./rollup-fixtures";

/** As a worker's message gives them: a copy of its own per file. */
const fresh = (inputs: SummaryInput[]): SummaryInput[] => structuredClone(inputs);

test("equal texts and score lines become one copy; values, keys and their order stay", () => {
  const shared = new SharedValues();
  const [a, b] = [fresh(branchInputs(1)), fresh(branchInputs(2))];
  const texts = [JSON.stringify(a), JSON.stringify(b)];
  const [x, y] = [...a, ...b].map((input) => shared.input(input));
  expect([JSON.stringify(a), JSON.stringify(b)]).toEqual(texts);
  const [first, second] = [x.scored!.result, y.scored!.result];
  // the same indicator at full marks in both files: one object
  const full = first.indicators.findIndex((indicator, i) => indicator.score === indicator.points && second.indicators[i].score === indicator.points);
  expect(full).toBeGreaterThanOrEqual(0);
  expect(second.indicators[full]).toBe(first.indicators[full]);
  expect(y.scored!.meta.org === x.scored!.meta.org).toBe(true);
});

test("lines differing only in -0, NaN, a key's order or a missing or undefined key are kept apart; nested lines are not shared", () => {
  const shared = new SharedValues();
  const zero = shared.line({ code: "1.1", deduction: 0, award: 0 });
  expect(shared.line({ code: "1.1", deduction: -0, award: 0 })).not.toBe(zero);
  expect(shared.line({ deduction: 0, code: "1.1", award: 0 })).not.toBe(zero);
  expect(shared.line({ code: "1.1", deduction: 0 })).not.toBe(zero);
  expect(shared.line({ code: "1.1", deduction: 0, award: 0, note: undefined })).not.toBe(zero);
  expect(shared.line({ code: "1.1", deduction: NaN, award: 0 })).not.toBe(shared.line({ code: "1.1", deduction: null, award: 0 }));
  expect(shared.line({ code: "1.1", deduction: 0, award: 0 })).toBe(zero);
  const nested = { code: "1", list: [1] };
  expect(shared.line({ code: "1", list: [1] })).not.toBe(shared.line(nested));
});

test("400 branches compiled with shared values: the summary of the inputs as they came", async () => {
  const byBranch = Array.from({ length: 400 }, (_, i) => branchInputs(i));
  const sources: WorkbookSource[] = byBranch.map((inputs, i) => ({
    name: `b${String(i).padStart(3, "0")}.xlsx`,
    read: () => Promise.reject(new Error("not read: the inputs are given")),
    inputs: () => Promise.resolve(fresh(inputs)),
  }));
  const outcome = await compileSources(sources, { scheme: LH.id });
  const expected = compileSummary(fresh(byBranch.flat()), LH);
  expect(outcome.summary).toEqual(expected);
  expect(JSON.stringify(toCompileJson(outcome.summary!))).toBe(JSON.stringify(toCompileJson(expected)));
});
