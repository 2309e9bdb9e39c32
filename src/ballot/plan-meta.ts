/** The `_meta` of a ballot or 计票 workbook: the contract's first rows, the ballot keys, then the cells that matter. */
import type { Scheme } from "../rubric/types";
import { a1 } from "../sheet/addresses";
import { CHOICES_KEY, CONTRACT_KEY, CONTRACT_VERSION, EXPECTED_KEY, KIND_KEY, META_SHEET_NAME, SCHEME_KEY, SCHEME_VERSION_KEY, SHEET_KEY } from "../sheet/meta-keys";
import { planMetaSheet } from "../sheet/plan-meta";
import type { SheetPlan, WorkbookPlan } from "../sheet/types";
import { choicesText, type BallotRules } from "./rules";

export function ballotWorkbook(
  sheet: SheetPlan,
  head: { scheme: Scheme; rules: BallotRules; kind: string; period?: string; expected?: number },
  cellRows: [string, string][],
): WorkbookPlan {
  const meta: [string, string | number][] = [
    [CONTRACT_KEY, CONTRACT_VERSION],
    [SCHEME_KEY, head.scheme.id],
    [SCHEME_VERSION_KEY, head.scheme.version],
    [KIND_KEY, head.kind],
    [CHOICES_KEY, choicesText(head.rules.levels)],
    ["period", head.period ?? ""],
    [EXPECTED_KEY, head.expected ?? ""],
    [SHEET_KEY, sheet.name],
    ...cellRows,
  ];
  const sheetRow = meta.findIndex(([key]) => key === SHEET_KEY);
  return {
    sheets: [sheet, planMetaSheet(meta)],
    activate: sheet.name,
    nameCells: [{ sheet: META_SHEET_NAME, address: a1(sheetRow, 1), refersTo: sheet.name }],
  };
}
