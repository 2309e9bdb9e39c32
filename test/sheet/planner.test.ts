import type { Rule, Scheme } from "../../src/rubric/types";
import { planTemplate } from "../../src/sheet/planner";
import { fillTemplatePlan } from "../../src/sheet/fill";
import { RATER_LABELS } from "../../src/rubric/raters";
import { parseCellKey } from "../../src/sheet/meta-keys";
import { columnLetter } from "../../src/sheet/addresses";
import { PARAM } from "../../src/sheet/plan-params";
import type { WorkbookPlan } from "../../src/sheet/types";
import { everyKindScheme } from "./planner-fixture";
import { cellAt, covers, metaRowsOf, referencedCells, rowOf, sheetNamed } from "./planner-helpers";
import { schemesUnderTest } from "./planner-schemes";

/** The input cells each rule kind must have (contracts.md and the task brief), written out independently of the planner. */
const EXPECTED_FIELDS: Record<Rule["kind"], string[]> = {
  fixed: ["deduction", "reason", "evidence"],
  range: ["deduction", "reason", "evidence"],
  discretionary: ["deduction", "reason", "evidence"],
  "fixed-each": ["quantity", "deduction", "reason", "evidence"],
  "range-each": ["quantity", "deduction", "reason", "evidence"],
  count: ["quantity", "reason", "evidence"],
  convert: ["raw", "reason", "evidence"],
  award: ["award", "reason", "evidence"],
};
const INPUT_FIELDS = new Set(["quantity", "deduction", "award", "raw", "reason", "evidence", "flag"]);

function metaMap(plan: WorkbookPlan): Map<string, unknown> {
  return new Map(metaRowsOf(plan));
}

function address(plan: WorkbookPlan, key: string): string {
  const value = metaMap(plan).get(key);
  if (typeof value !== "string") throw new Error(`_meta has no address for ${key}`);
  return value;
}

function inputKeys(plan: WorkbookPlan): string[] {
  return metaRowsOf(plan)
    .map(([key]) => key)
    .filter((key) => {
      const parsed = parseCellKey(key);
      return parsed !== null && (parsed.kind === "meta" || INPUT_FIELDS.has(parsed.field));
    });
}

describe.each(schemesUnderTest())("planTemplate: $id", (scheme: Scheme) => {
  const plan = planTemplate(scheme, { subject: "第一党支部", org: "机关党委", period: "2025", rater: "org" });
  const scoringName = plan.activate;
  const sheet = sheetNamed(plan, scoringName);
  const meta = metaMap(plan);

  test("a visible scoring sheet and a hidden _meta sheet", () => {
    expect(plan.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [scoringName, "visible"],
      ["_meta", "hidden"],
    ]);
    expect(scoringName).toBe(`${scheme.shortTitle}评分表`);
  });

  test("_meta starts with the contract's keys, in order, and names the scoring sheet", () => {
    const rows = metaRowsOf(plan);
    expect(rows.slice(0, 10)).toEqual([
      ["contract", 1],
      ["scheme", scheme.id],
      ["schemeVersion", scheme.version],
      ["subject", "第一党支部"],
      ["org", "机关党委"],
      ["period", "2025"],
      ["rater", "org"],
      ["evaluator", ""],
      ["date", ""],
      ["sheet", scoringName],
    ]);
    expect(plan.nameCells).toEqual([{ sheet: "_meta", address: "B10", refersTo: scoringName }]);
  });

  test("_meta keys are unique and every cell key parses", () => {
    const keys = metaRowsOf(plan).map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys.slice(10)) expect(parseCellKey(key)).not.toBeNull();
  });

  test("every rule has its own input cells, named in _meta, on a row whose column A holds the rule code", () => {
    for (const section of scheme.sections) {
      for (const indicator of section.indicators) {
        for (const rule of indicator.rules) {
          const fields = [...meta.keys()].filter((key) => key.startsWith(`cell:${rule.code}:`)).map((key) => key.split(":")[2]);
          expect(fields.sort()).toEqual([...EXPECTED_FIELDS[rule.kind]].sort());
          const rows = new Set(fields.map((field) => rowOf(address(plan, `cell:${rule.code}:${field}`))));
          expect(rows.size).toBe(1);
          const row = [...rows][0];
          expect(sheet.cells[row][0]?.value).toBe(rule.code);
        }
      }
    }
  });

  test("indicator, section and veto rows carry their codes in column A", () => {
    const codes = [
      ...scheme.sections.map((s) => [s.code, "score"]),
      ...scheme.sections.flatMap((s) => s.indicators.map((i) => [i.code, "score"])),
      ...scheme.vetoes.map((v) => [v.code, "flag"]),
    ];
    for (const [code, field] of codes) {
      const row = rowOf(address(plan, `cell:${code}:${field}`));
      expect(sheet.cells[row][0]?.value).toBe(code);
    }
  });

  test("every input is validated with a prompt and unlocked; nothing else is unlocked", () => {
    const inputs = inputKeys(plan).map((key) => address(plan, key));
    expect(new Set(inputs).size).toBe(inputs.length);
    expect([...sheet.unlocked].sort()).toEqual([...inputs].sort());
    for (const input of inputs) {
      const validations = sheet.validations.filter((v) => covers(v.range, input));
      expect({ input, count: validations.length }).toEqual({ input, count: 1 });
      expect(validations[0].prompt?.message).toBeTruthy();
      expect(validations[0].error?.message).toBeTruthy();
      expect(cellAt(sheet, input)?.formula).toBeUndefined();
    }
    // a validated cell that is no input is locked: no validation reaches the computed cells or the outcomes
    for (const key of ["cell:total:score", "cell:band:score", "cell:pass:score"]) {
      expect(sheet.validations.some((v) => covers(v.range, address(plan, key)))).toBe(false);
    }
    expect(sheet.protect).toBe(true);
  });

  test("validations and highlights stay few: a constant number per column, plus one validation per rule at most", () => {
    const rules = scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules));
    const counts = rules.filter((rule) => rule.kind === "count" || rule.kind === "convert").length;
    // header inputs, one per rule, 数量 runs between count/convert rows, 理由, 佐证, vetoes
    expect(sheet.validations.length).toBeLessThanOrEqual(6 + rules.length + counts + 1 + 2 + 1);
    // 4 table columns, 2 on veto flags, 未填写 / 有 N 处错误 on 等次 and 达标, a colour per band, 不得参评, 达标 / 未达标
    expect(sheet.conditionalFormats.length).toBeLessThanOrEqual(4 + 2 + 4 + scheme.bands.length + 1 + 2);
    expect(sheet.hiddenColumns?.length).toBeGreaterThan(0);
    for (const column of sheet.hiddenColumns ?? []) expect(column).toBeGreaterThan(8);
  });

  test("prompts quote the rule text; Excel's length limits hold", () => {
    for (const section of scheme.sections) {
      for (const indicator of section.indicators) {
        for (const rule of indicator.rules) {
          // the rule's own value: its entered amount, or the 数量 a count/convert rule computes from
          const amountKey = EXPECTED_FIELDS[rule.kind].find((field) => ["deduction", "award", "raw"].includes(field)) ?? "quantity";
          const validation = sheet.validations.find((v) => v.range === address(plan, `cell:${rule.code}:${amountKey}`));
          expect(validation?.prompt?.message).toContain(rule.code);
          expect(validation?.prompt?.message).toContain(Array.from(rule.text).slice(0, 20).join(""));
        }
      }
    }
    for (const validation of sheet.validations) {
      // Excel refuses validation formulas longer than 255 characters
      if (validation.rule.type === "custom") expect(validation.rule.formula.length).toBeLessThanOrEqual(255);
      expect(Array.from(validation.prompt?.title ?? "").length).toBeLessThanOrEqual(32);
      expect(Array.from(validation.prompt?.message ?? "").length).toBeLessThanOrEqual(255);
      expect(Array.from(validation.error?.title ?? "").length).toBeLessThanOrEqual(32);
      expect(Array.from(validation.error?.message ?? "").length).toBeLessThanOrEqual(225);
    }
  });

  test("indicator formulas sum exactly their own rules' amounts, as each row reads its amount cell", () => {
    for (const section of scheme.sections) {
      for (const indicator of section.indicators) {
        const formula = cellAt(sheet, address(plan, `cell:${indicator.code}:score`))?.formula ?? "";
        expect(formula).toMatch(/^=/);
        const isAward = indicator.rules.some((rule) => rule.kind === "award");
        const counted = indicator.rules.filter((rule) => (rule.kind === "award") === isAward);
        // the hidden 扣分值 of each counted rule's row, which reads the row's amount (input or computed count/convert cell)
        const rows = counted.map((rule) => rowOf(address(plan, `cell:${rule.code}:reason`)));
        expect(referencedCells(formula).sort()).toEqual(rows.map((row) => `${columnLetter(PARAM.amountValue)}${row + 1}`).sort());
        for (const row of rows) {
          expect(new Set(referencedCells(cellAt(sheet, `${columnLetter(PARAM.amountValue)}${row + 1}`)?.formula ?? ""))).toEqual(new Set([`F${row + 1}`]));
        }
      }
    }
  });

  test("count and convert rules compute their deduction from their own quantity cell", () => {
    for (const section of scheme.sections) {
      for (const indicator of section.indicators) {
        for (const rule of indicator.rules) {
          if (rule.kind !== "count" && rule.kind !== "convert") continue;
          const input = address(plan, `cell:${rule.code}:${rule.kind === "count" ? "quantity" : "raw"}`);
          const computed = `F${rowOf(input) + 1}`;
          // through the row's hidden 数量值, which reads the input cell (and, for a percentage, its format)
          const value = `${columnLetter(PARAM.value)}${rowOf(input) + 1}`;
          expect(new Set(referencedCells(cellAt(sheet, computed)?.formula ?? ""))).toEqual(new Set([value]));
          expect(new Set(referencedCells(cellAt(sheet, value)?.formula ?? ""))).toEqual(new Set([input]));
          expect(sheet.unlocked).not.toContain(computed);
        }
      }
    }
  });

  test("sections sum their indicators, the total sums the sections, band and pass read the total, the vetoes, 状态 and the counts", () => {
    for (const section of scheme.sections) {
      const formula = cellAt(sheet, address(plan, `cell:${section.code}:score`))?.formula ?? "";
      expect(formula).toMatch(/^=ROUND\(SUM\(/);
      expect(referencedCells(formula).sort()).toEqual(section.indicators.map((i) => address(plan, `cell:${i.code}:score`)).sort());
    }
    const total = address(plan, "cell:total:score");
    expect(referencedCells(cellAt(sheet, total)?.formula ?? "").sort()).toEqual(scheme.sections.map((s) => address(plan, `cell:${s.code}:score`)).sort());
    const flags = scheme.vetoes.map((v) => address(plan, `cell:${v.code}:flag`));
    const errors = address(plan, "cell:errors:score");
    const filled = `${columnLetter(PARAM.kind)}${rowOf(address(plan, "cell:band:score")) + 1}`;
    // a pass line on some sections (两化一创: the basic sections 1–5) reads those sections' cells
    const passSections = (scheme.passLine.sections ?? []).map((code) => address(plan, `cell:${code}:score`));
    for (const key of ["cell:band:score", "cell:pass:score"]) {
      const formula = cellAt(sheet, address(plan, key))?.formula ?? "";
      const read = key === "cell:pass:score" && passSections.length > 0 ? passSections : [total];
      expect(new Set(referencedCells(formula))).toEqual(new Set([...read, ...flags, address(plan, "cell:meta:status"), errors, filled]));
      expect(formula).toContain('"未填写"');
      expect(formula).toContain('"（草稿）"');
    }
    // the error count sums the three per-row flag columns over every rule and veto row
    const errorsFormula = cellAt(sheet, errors)?.formula ?? "";
    for (const column of [PARAM.quantityError, PARAM.amountError, PARAM.reasonError]) expect(errorsFormula).toContain(`$${columnLetter(column)}$`);
    const band = cellAt(sheet, address(plan, "cell:band:score"))?.formula ?? "";
    for (const entry of scheme.bands) expect(band).toContain(`"${entry.name}"`);
    if (scheme.vetoes.length > 0) expect(band).toContain('"不得参评"');
  });

  test("formulas use only functions every target program has, English names and commas", () => {
    const allowed = new Set([
      ...["SUM", "ROUND", "ROUNDUP", "MIN", "MAX", "IF", "AND", "OR", "NOT", "ISNUMBER", "TRIM", "SUBSTITUTE", "MOD", "INT", "N", "LEN"],
      ...["ISLOGICAL", "ISERROR", "IFERROR", "LEFT", "CELL", "COUNT", "COUNTIF", "ABS"],
    ]);
    const formulas = [
      ...sheet.cells.flat().map((cell) => cell?.formula),
      ...sheet.validations.map((v) => (v.rule.type === "custom" ? v.rule.formula : undefined)),
      ...sheet.conditionalFormats.map((f) => f.formula),
    ].filter((formula): formula is string => formula !== undefined);
    for (const formula of formulas) {
      expect(formula.startsWith("=")).toBe(true);
      expect(formula).not.toContain(";");
      for (const [, name] of formula.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed).toContain(name);
    }
  });

  test("header inputs show the given meta (评价方 in Chinese) and are addressed by cell:meta:<key>", () => {
    expect(cellAt(sheet, address(plan, "cell:meta:subject"))?.value).toBe("第一党支部");
    expect(cellAt(sheet, address(plan, "cell:meta:rater"))?.value).toBe("考评");
    const rater = sheet.validations.find((v) => v.range === address(plan, "cell:meta:rater"));
    expect(rater?.rule).toEqual({ type: "list", values: scheme.raters.map((kind) => RATER_LABELS[kind]) });
    const label = scheme.subject === "secretary" ? "书记姓名" : "支部名称";
    expect(sheet.cells.flat().some((cell) => cell?.value === label)).toBe(true);
  });

  test("title, default-allocation notice, print, freeze and protection", () => {
    const texts = sheet.cells.flat().map((cell) => (typeof cell?.value === "string" ? cell.value : ""));
    expect(texts).toContain(`${scheme.title}评分表`);
    expect(texts.some((t) => t.includes("默认分值，可按本单位实际调整"))).toBe(scheme.defaultAllocation);
    expect(sheet.print).toMatchObject({ orientation: "landscape", paper: "A4", zoom: 100, footer: "&C第&P页 共&N页" });
    const header = sheet.cells.findIndex((row) => row[0]?.value === "编号");
    expect(sheet.freeze).toEqual({ rows: header + 1, columns: 0 });
    // the running line of the filled header (a formula reading the header cells) and the table header, on every page
    expect(sheet.print?.titleRows).toBe(`$${header}:$${header + 1}`);
    expect(sheet.cells[header - 1][0]?.formula).toContain(address(plan, "cell:meta:subject"));
    expect(texts.some((t) => t.includes("（签名）"))).toBe(true);
  });

  test("conditional formats: each input lights up on its row's error flag; band colours, final or 草稿", () => {
    const rangesWith = (pattern: RegExp) => new Set(sheet.conditionalFormats.filter((f) => pattern.test(f.formula)).map((f) => f.range));
    for (const format of sheet.conditionalFormats) expect(format.formula.length).toBeLessThanOrEqual(255);
    const band = address(plan, "cell:band:score");
    for (const entry of scheme.bands) expect(rangesWith(new RegExp(`="${entry.name}",.*="${entry.name}（草稿）"`)).has(band)).toBe(true);
    expect(rangesWith(/="不得参评",/).has(band)).toBe(true);
    expect(rangesWith(/="未填写"$/).has(band)).toBe(true);
    const flagOf: Record<string, number> = { quantity: PARAM.quantityError, raw: PARAM.quantityError, deduction: PARAM.amountError, award: PARAM.amountError, reason: PARAM.reasonError };
    for (const rule of scheme.sections.flatMap((s) => s.indicators.flatMap((i) => i.rules))) {
      // which rows a highlight really fires on is evaluated in LibreOffice by test/parity/validation-parity.test.ts
      for (const field of EXPECTED_FIELDS[rule.kind].filter((name) => name !== "evidence")) {
        if (field === "reason" && (rule.kind === "count" || rule.kind === "convert")) continue;
        const input = address(plan, `cell:${rule.code}:${field}`);
        expect(sheet.conditionalFormats.some((f) => covers(f.range, input) && f.formula.includes(`$${columnLetter(flagOf[field])}`))).toBe(true);
      }
    }
  });

  test("printed text carries no anonymisation asterisks; an evidence hint is printed once, never under 评分标准", () => {
    const texts = sheet.cells.flat().map((cell) => (typeof cell?.value === "string" ? cell.value : ""));
    expect(texts.filter((t) => /[*＊]/.test(t))).toEqual([]);
    const headers = sheet.cells.find((row) => row[0]?.value === "编号")!;
    const column = (name: string) => headers.findIndex((cell) => cell?.value === name);
    for (const indicator of scheme.sections.flatMap((s) => s.indicators)) {
      const evidence = indicator.evidence ?? "";
      if (evidence === "") continue;
      // the indicator's rows (a long one's content may continue beside its later rules, after a page break)
      const rows = sheet.cells.filter((cells) => cells[0]?.value === indicator.code || String(cells[0]?.value).startsWith(`${indicator.code}-`));
      const hint = `应备：${evidence}`;
      const holders = rows.filter((cells) => cells.some((cell) => typeof cell?.value === "string" && cell.value.includes(hint)));
      expect({ code: indicator.code, rows: holders.length }).toEqual({ code: indicator.code, rows: 1 });
      const row = holders[0];
      const holding = row.map((cell, index) => (typeof cell?.value === "string" && cell.value.includes(hint) ? index : -1)).filter((index) => index >= 0);
      // in the 佐证材料 column, or after the 考核内容 where the rules leave room beside it (print space)
      expect({ code: indicator.code, columns: holding }).toEqual({ code: indicator.code, columns: [expect.any(Number)] });
      expect([column("佐证材料"), column("考核内容")]).toContain(holding[0]);
      if (holding[0] === column("考核内容")) expect(String(row[holding[0]]!.value).endsWith(hint)).toBe(true);
      expect(holding[0]).not.toBe(column("评分标准"));
    }
  });

  test("veto flags take 是/否 from a list; the veto text is verbatim", () => {
    for (const veto of scheme.vetoes) {
      const flag = address(plan, `cell:${veto.code}:flag`);
      expect(sheet.validations.find((v) => covers(v.range, flag))?.rule).toEqual({ type: "list", values: ["是", "否"] });
      expect(sheet.cells[rowOf(flag)].some((cell) => cell?.value === veto.text)).toBe(true);
    }
  });
});

describe("fillTemplatePlan", () => {
  const plan = planTemplate(everyKindScheme);

  test("puts each entry into the cell _meta names and leaves formulas alone", () => {
    const filled = fillTemplatePlan(
      plan,
      {
        rules: { "1.1-3": { deduction: 1, reason: "未划分党小组" }, "2.1-1": { quantity: 24 }, "2.3-1": { raw: 85 }, "3.1-1": { award: 3 } },
        vetoes: { V2: "是" },
      },
      { subject: "第二党支部", rater: "self" },
    );
    const sheet = sheetNamed(filled, plan.activate);
    expect(cellAt(sheet, address(plan, "cell:1.1-3:deduction"))?.value).toBe(1);
    expect(cellAt(sheet, address(plan, "cell:1.1-3:reason"))?.value).toBe("未划分党小组");
    expect(cellAt(sheet, address(plan, "cell:2.1-1:quantity"))?.value).toBe(24);
    expect(cellAt(sheet, address(plan, "cell:2.3-1:raw"))?.value).toBe(85);
    expect(cellAt(sheet, address(plan, "cell:3.1-1:award"))?.value).toBe(3);
    expect(cellAt(sheet, address(plan, "cell:V2:flag"))?.value).toBe("是");
    expect(cellAt(sheet, address(plan, "cell:meta:subject"))?.value).toBe("第二党支部");
    expect(cellAt(sheet, address(plan, "cell:meta:rater"))?.value).toBe("自评");
    expect(metaMap(filled).get("subject")).toBe("第二党支部");
    expect(metaMap(filled).get("rater")).toBe("self");
    const original = sheetNamed(plan, plan.activate);
    const formulas = (s: typeof sheet) => s.cells.flat().map((cell) => cell?.formula ?? null);
    expect(formulas(sheet)).toEqual(formulas(original));
    // the input plan is untouched
    expect(cellAt(original, address(plan, "cell:1.1-3:deduction"))?.value).toBeNull();
  });

  test("an entry for a field the rule has no cell for is refused", () => {
    expect(() => fillTemplatePlan(plan, { rules: { "1.1-2": { quantity: 2 } }, vetoes: {} })).toThrow("cell:1.1-2:quantity");
  });
});
