import { buildScoringViewState } from "../../src/taskpane/views/scoring/scoring-state";
import type { TemplateScore } from "../../src/sheet/score-workbook";
import { sampleResult, sampleScheme } from "./fixtures";

describe("buildScoringViewState", () => {
  test("passes the score through and counts progress from the entries and the sheet's header", () => {
    const score: TemplateScore = {
      metaSheet: "_meta",
      sheet: "示例评分表",
      scheme: sampleScheme,
      meta: { subject: "第一党支部", org: "", period: "2025", rater: "self", evaluator: "", date: "", scheme: "sample", schemeVersion: "1" },
      result: sampleResult(),
      cells: {},
      entries: { rules: { "1.2-1": { quantity: 4 } }, vetoes: {} },
      status: "draft",
      errors: 1,
    };
    const state = buildScoringViewState(score, false);
    expect(state.sheet).toBe("示例评分表");
    expect(state.result).toBe(score.result);
    expect(state.finalized).toBe(false);
    // header: subject, period, rater filled of 5; plus 1.2-1 quantity filled, 2.1-1 raw missing
    expect(state.progress.required).toEqual({ filled: 4, of: 7 });
    expect(state.progress.rules).toEqual({ filled: 1, of: 6 });
  });
});
