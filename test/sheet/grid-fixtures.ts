/**
 * Hand-made workbook grids for the reader's unit tests: a small scheme and a scoring sheet laid out the way
 * contracts.md describes (codes in column A, inputs in E–H, scores in I) with its `_meta` sheet. The real planner's
 * layout is exercised by the round-trip tests; here every address is visible in the test.
 */
import type { Scheme } from "../../src/rubric/types";
import type { CellValue } from "../../src/scoring/types";
import type { ScoredWorkbook, WorkbookScore } from "../../src/sheet/score-workbook";
import type { Grid } from "../../src/sheet/types";
import { parseA1 } from "../../src/sheet/addresses";

/**
 * 1 基础工作 10: 1.1 党支部设置 5 (1.1-1 range 1–2, 1.1-2 fixed 1); 1.2 组织生活 5 (1.2-1 range-each 0.5–1 项,
 * 1.2-2 count ≥4 次, 1 per missing). 2 特色亮点 10: 2.1 (2.1-1 award). Veto V1. Bands 好 ≥18, 较好 ≥16, else 一般.
 */
export const smallScheme: Scheme = {
  id: "small",
  title: "测试方案",
  shortTitle: "测试",
  version: "2024.1",
  subject: "branch",
  source: "test",
  defaultAllocation: false,
  notes: [],
  defaults: [],
  max: 20,
  sections: [
    {
      code: "1",
      title: "基础工作",
      points: 10,
      indicators: [
        {
          code: "1.1",
          title: "党支部设置",
          points: 5,
          content: [],
          evidence: "",
          rules: [
            { code: "1.1-1", kind: "range", text: "支部设置不符合规定扣1-2分", min: 1, max: 2 },
            { code: "1.1-2", kind: "fixed", text: "党员人数不符合规定扣1分", amount: 1 },
          ],
        },
        {
          code: "1.2",
          title: "组织生活",
          points: 5,
          content: [],
          evidence: "",
          rules: [
            { code: "1.2-1", kind: "range-each", text: "工作有疏漏每项扣0.5-1分", min: 0.5, max: 1, unit: "项" },
            { code: "1.2-2", kind: "count", text: "党员大会每少1次扣1分", measure: "全年召开党员大会次数", required: 4, unit: "次", mode: "per-unit", amount: 1 },
          ],
        },
      ],
    },
    {
      code: "2",
      title: "特色亮点",
      points: 10,
      indicators: [
        { code: "2.1", title: "党建特色", points: 10, content: [], evidence: "", rules: [{ code: "2.1-1", kind: "award", text: "被上级表彰" }] },
      ],
    },
  ],
  vetoes: [{ code: "V1", text: "发生严重违纪" }],
  bands: [
    { name: "好", min: 18 },
    { name: "较好", min: 16 },
    { name: "一般", min: 0 },
  ],
  passLine: { minTotal: 16, noVeto: true },
  raters: ["self", "org"],
  ranking: "dense",
};

export type FixtureCell = CellValue | { formula: string; cached?: CellValue };

/** A grid from A1-addressed cells; cells holding { formula, cached } get both a formula and a cached value. */
export function gridOf(name: string, cells: Record<string, FixtureCell>): Grid {
  const positions = Object.keys(cells).map((address) => {
    const position = parseA1(address);
    if (!position) throw new Error(`bad fixture address ${address}`);
    return position;
  });
  const rows = Math.max(0, ...positions.map((p) => p.row + 1));
  const columns = Math.max(0, ...positions.map((p) => p.column + 1));
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(columns).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(columns).fill(null));
  Object.entries(cells).forEach(([, cell], index) => {
    const { row, column } = positions[index];
    if (cell !== null && typeof cell === "object") {
      formulas[row][column] = cell.formula;
      values[row][column] = cell.cached ?? null;
    } else values[row][column] = cell;
  });
  return { name, values, formulas };
}

/** Where the fixture sheet puts things (1-based rows as a user sees them). */
export const ROWS = { section1: 7, ind11: 8, r111: 9, r112: 10, ind12: 11, r121: 12, r122: 13, section2: 14, ind21: 15, r211: 16, total: 17, band: 18, pass: 19, v1: 21 };

/** The `_meta` rows of the fixture (key → value), addresses as recorded when the template was made. */
export function fixtureMetaRows(overrides: Record<string, string | null> = {}, sheetName = "测试评分表"): [string, string][] {
  const r = ROWS;
  const rows: Record<string, string | null> = {
    contract: "1",
    scheme: "small",
    schemeVersion: "2024.1",
    subject: "",
    org: "",
    period: "",
    rater: "",
    evaluator: "",
    date: "",
    sheet: sheetName,
    "cell:meta:subject": "B3",
    "cell:meta:org": "B4",
    "cell:meta:period": "B5",
    "cell:meta:rater": "G3",
    "cell:meta:evaluator": "G4",
    "cell:meta:date": "G5",
    "cell:1:score": `I${r.section1}`,
    "cell:1.1:score": `I${r.ind11}`,
    "cell:1.1-1:deduction": `F${r.r111}`,
    "cell:1.1-1:reason": `G${r.r111}`,
    "cell:1.1-1:evidence": `H${r.r111}`,
    "cell:1.1-2:deduction": `F${r.r112}`,
    "cell:1.1-2:reason": `G${r.r112}`,
    "cell:1.2:score": `I${r.ind12}`,
    "cell:1.2-1:quantity": `E${r.r121}`,
    "cell:1.2-1:deduction": `F${r.r121}`,
    "cell:1.2-1:reason": `G${r.r121}`,
    "cell:1.2-2:quantity": `E${r.r122}`,
    "cell:1.2-2:reason": `G${r.r122}`,
    "cell:2:score": `I${r.section2}`,
    "cell:2.1:score": `I${r.ind21}`,
    "cell:2.1-1:award": `F${r.r211}`,
    "cell:2.1-1:reason": `G${r.r211}`,
    "cell:total:score": `I${r.total}`,
    "cell:band:score": `I${r.band}`,
    "cell:V1:flag": `F${r.v1}`,
    ...overrides,
  };
  return Object.entries(rows).filter((entry): entry is [string, string] => entry[1] !== null);
}

export function metaGrid(rows: [string, string][], name = "_meta"): Grid {
  return { name, values: rows.map(([key, value]) => [key, value]), formulas: rows.map(() => [null, null]) };
}

/** The scoring sheet's labels, codes and formulas, without inputs. `cached` gives formula results, by address. */
export function scoringCells(cached: Record<string, CellValue> = {}): Record<string, FixtureCell> {
  const r = ROWS;
  const formula = (address: string, text: string): FixtureCell => ({ formula: text, cached: cached[address] ?? null });
  return {
    A1: "测试方案评分表",
    A3: "支部名称",
    A4: "所属党组织",
    A5: "考核年度",
    D3: "评价方",
    D4: "评分人",
    D5: "日期",
    A6: "编号",
    [`A${r.section1}`]: "1",
    [`I${r.section1}`]: formula(`I${r.section1}`, `=ROUND(SUM(I${r.ind11},I${r.ind12}),2)`),
    [`A${r.ind11}`]: "1.1",
    [`I${r.ind11}`]: formula(`I${r.ind11}`, `=ROUND(MAX(0,MIN(5,5-SUM(F${r.r111}:F${r.r112}))),2)`),
    [`A${r.r111}`]: "1.1-1",
    [`A${r.r112}`]: "1.1-2",
    [`A${r.ind12}`]: "1.2",
    [`I${r.ind12}`]: formula(`I${r.ind12}`, `=ROUND(MAX(0,MIN(5,5-SUM(F${r.r121}:F${r.r122}))),2)`),
    [`A${r.r121}`]: "1.2-1",
    [`A${r.r122}`]: "1.2-2",
    [`F${r.r122}`]: formula(`F${r.r122}`, `=IF(ISNUMBER(E${r.r122}),MIN(5,MAX(0,4-E${r.r122})*1),0)`),
    [`A${r.section2}`]: "2",
    [`I${r.section2}`]: formula(`I${r.section2}`, `=ROUND(SUM(I${r.ind21}),2)`),
    [`A${r.ind21}`]: "2.1",
    [`I${r.ind21}`]: formula(`I${r.ind21}`, `=ROUND(MAX(0,MIN(10,F${r.r211})),2)`),
    [`A${r.r211}`]: "2.1-1",
    [`A${r.total}`]: "合计",
    [`I${r.total}`]: formula(`I${r.total}`, `=ROUND(SUM(I${r.section1},I${r.section2}),2)`),
    [`A${r.band}`]: "等次",
    [`I${r.band}`]: formula(`I${r.band}`, `=IF(F${r.v1}="是","不得参评",IF(I${r.total}>=18,"好",IF(I${r.total}>=16,"较好","一般")))`),
    [`A${r.v1}`]: "V1",
  };
}

/** A one-template workbook: the scoring sheet with `inputs` typed in, and its `_meta`. */
export function fixtureBook(inputs: Record<string, FixtureCell>, options: { cached?: Record<string, CellValue>; meta?: Record<string, string | null> } = {}) {
  return {
    sheets: [gridOf("测试评分表", { ...scoringCells(options.cached), ...inputs }), metaGrid(fixtureMetaRows(options.meta))],
  };
}

/** The grid with `count` empty rows inserted before 1-based row `atRow`, as a user (or openpyxl) would; `_meta` untouched. */
export function insertRows(grid: Grid, atRow: number, count: number): Grid {
  const at = atRow - 1;
  const width = grid.values[0]?.length ?? 0;
  const blankValues = Array.from({ length: count }, () => Array<CellValue>(width).fill(null));
  const blankFormulas = Array.from({ length: count }, () => Array<string | null>(width).fill(null));
  return {
    name: grid.name,
    values: [...grid.values.slice(0, at), ...blankValues, ...grid.values.slice(at)],
    formulas: [...grid.formulas.slice(0, at), ...blankFormulas, ...grid.formulas.slice(at)],
  };
}

export const resolveSmall = (id: string): Scheme | undefined => (id === smallScheme.id ? smallScheme : undefined);

/** A filled sheet; its hand-computed result is in reader.test.ts ("scores it"). */
export const filled = {
  B3: "机电工程学院教工第一党支部",
  B4: "机电工程学院党委",
  B5: 2024,
  G3: "考评",
  G4: "张三",
  G5: "2025-01-10T00:00:00.000Z",
  F9: 1.5,
  G9: "支部设置无上级批复",
  H9: "批复文件缺失",
  F10: 1,
  G10: "正式党员不足3人",
  E12: 2,
  F12: 1.5,
  G12: "两次会议记录不全",
  E13: 3,
  F16: 6,
  G16: "获校级先进党支部表彰",
  F21: "否",
};

export function scored(outcome: WorkbookScore): ScoredWorkbook {
  if (!outcome.ok) throw new Error(`expected a scored workbook, got: ${outcome.message}`);
  return outcome;
}

