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

describe("header form: a scheme's own header fields", () => {
  const fields = [
    { key: "branch", label: "所在党支部", prompt: "书记所在的党支部" },
    { key: "apply", label: "申请评定", choices: ["是", "否"], prompt: "自评表填写" },
  ];
  const base = { subject: "张三", org: "", period: "2025", rater: "self" as const, evaluator: "" };

  test("values of the scheme's fields go to meta.extra, trimmed; a choice must be one of the field's", () => {
    expect(headerToMeta({ ...base, extra: { branch: " 第一党支部 ", apply: "是" } }, ["self", "org"], fields).extra).toEqual({ branch: "第一党支部", apply: "是" });
    expect(headerToMeta({ ...base, extra: { branch: "", apply: "也许" } }, ["self", "org"], fields).extra).toBeUndefined();
  });

  test("a field the newly chosen scheme does not have is not carried over", () => {
    expect(headerToMeta({ ...base, extra: { branch: "第一党支部" } }, ["self", "org"], []).extra).toBeUndefined();
  });
});
