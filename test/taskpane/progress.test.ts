import { countProgress, fraction } from "../../src/taskpane/views/scoring/progress";
import type { SubjectMeta } from "../../src/scoring/types";
import { sampleScheme } from "./fixtures";

const fullMeta: SubjectMeta = { subject: "第一党支部", org: "机关党委", period: "2025", rater: "self", evaluator: "张三", date: "" };

describe("countProgress", () => {
  // sampleScheme: 6 rules, of which one count (1.2-1) and one convert (2.1-1) have no meaningful blank
  test("a blank sheet needs the five header fields, the count quantity and the raw exam score", () => {
    const progress = countProgress(sampleScheme, { rules: {}, vetoes: {} }, {});
    expect(progress.required).toEqual({ filled: 0, of: 7 });
    expect(progress.rules).toEqual({ filled: 0, of: 6 });
  });

  test("filled header and required inputs complete the required tally; blanks and spaces do not count", () => {
    const progress = countProgress(
      sampleScheme,
      {
        rules: {
          "1.1-1": { deduction: 1, reason: "人数不足" },
          "1.1-2": { quantity: "  ", deduction: null },
          "1.2-1": { quantity: 3 },
          "2.1-1": { raw: "85" },
          "2.2-1": { award: 0 },
        },
        vetoes: {},
      },
      fullMeta,
    );
    expect(progress.required).toEqual({ filled: 7, of: 7 });
    // 1.1-1, 1.2-1, 2.1-1 and 2.2-1 have an amount (0 is an answer); 1.1-2 only spaces; 1.2-2 nothing
    expect(progress.rules).toEqual({ filled: 4, of: 6 });
  });

  test("a reason alone does not make a rule reviewed, a missing header field is counted", () => {
    const progress = countProgress(
      sampleScheme,
      { rules: { "1.2-2": { reason: "见记录" } }, vetoes: {} },
      { ...fullMeta, evaluator: "　" },
    );
    expect(progress.required).toEqual({ filled: 4, of: 7 });
    expect(progress.rules.filled).toBe(0);
  });

  test("fraction of an empty tally is complete", () => {
    expect(fraction({ filled: 0, of: 0 })).toBe(1);
    expect(fraction({ filled: 1, of: 4 })).toBe(0.25);
  });
});
