import { emptyHeaderForm, headerToMeta, isPeriodValid } from "../../src/taskpane/views/templates/header-form";

describe("header form", () => {
  test("starts with this year and the scheme's first rater", () => {
    expect(emptyHeaderForm(new Date(2026, 0, 15), ["org", "self"])).toEqual({
      subject: "",
      org: "",
      period: "2026",
      rater: "org",
      evaluator: "",
    });
    expect(emptyHeaderForm(new Date(2026, 0, 15), []).rater).toBe("");
  });

  test("periods must name a year, full-width digits included; blank is allowed", () => {
    for (const good of ["", "2025", "2025年度", "2024—2025学年", "２０２５年"]) expect({ good, ok: isPeriodValid(good) }).toEqual({ good, ok: true });
    for (const bad of ["去年", "25", "第一季度"]) expect({ bad, ok: isPeriodValid(bad) }).toEqual({ bad, ok: false });
  });

  test("meta keeps trimmed, non-blank fields and only a rater the scheme has", () => {
    const form = { subject: "  第一党支部 ", org: "", period: "2025", rater: "mass" as const, evaluator: " 李四" };
    expect(headerToMeta(form, ["self", "mass", "org"])).toEqual({
      subject: "第一党支部",
      period: "2025",
      rater: "mass",
      evaluator: "李四",
    });
    expect(headerToMeta(form, ["self", "org"]).rater).toBeUndefined();
  });
});
