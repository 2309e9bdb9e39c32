/**
 * The double's workbook as a WorkbookPlan again, so what the Office host built can be written by the xlsx host and
 * checked by a real spreadsheet program. Styles are rebuilt from cell formats (one style id per distinct format).
 */
import { rectanglesByKey } from "../../../src/hosts/office/areas";
import { areaAddress } from "../../../src/hosts/office/areas";
import { pointsToCharacterWidth } from "../../../src/hosts/office/units";
import type { CellStyle, PageMargins, PlanCell, SheetPlan, ValidationRule, WorkbookPlan } from "../../../src/sheet/types";
import { rectAddress } from "./address";
import type { CellState, HeaderFooterState, SheetState, ValidationState, WorkbookState } from "./state";
import { peekCell, usedRect } from "./state";

const HORIZONTAL: Record<string, CellStyle["horizontal"]> = { Left: "left", Center: "center", Right: "right" };
const VERTICAL: Record<string, CellStyle["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom" };

function bordered(sheet: SheetState, row: number, column: number): boolean {
  const own = peekCell(sheet, row, column)?.format.borders ?? {};
  // Excel shares an edge between neighbours: the cell above's bottom is this cell's top
  const top = own.top || peekCell(sheet, row - 1, column)?.format.borders?.bottom;
  const bottom = own.bottom || peekCell(sheet, row + 1, column)?.format.borders?.top;
  const left = own.left || peekCell(sheet, row, column - 1)?.format.borders?.right;
  const right = own.right || peekCell(sheet, row, column + 1)?.format.borders?.left;
  return Boolean(top && bottom && left && right);
}

function styleOf(sheet: SheetState, cell: CellState, row: number, column: number): CellStyle {
  const f = cell.format;
  const style: CellStyle = {};
  if (f.bold !== undefined) style.bold = f.bold;
  if (f.italic !== undefined) style.italic = f.italic;
  if (f.fontSize !== undefined) style.fontSize = f.fontSize;
  if (f.fontColor !== undefined) style.fontColor = f.fontColor;
  if (f.fill !== undefined) style.fill = f.fill;
  if (f.horizontal !== undefined && HORIZONTAL[f.horizontal]) style.horizontal = HORIZONTAL[f.horizontal];
  if (f.vertical !== undefined && VERTICAL[f.vertical]) style.vertical = VERTICAL[f.vertical];
  if (f.wrap !== undefined) style.wrap = f.wrap;
  if (bordered(sheet, row, column)) style.border = true;
  if (cell.numberFormat !== "General") style.numberFormat = cell.numberFormat;
  return style;
}

function ruleOf(validation: ValidationState): ValidationRule {
  const rule = validation.rule as Record<string, Record<string, unknown>>;
  if (rule.decimal) return { type: "decimal", min: Number(rule.decimal.formula1), max: Number(rule.decimal.formula2) };
  if (rule.wholeNumber) return { type: "whole", min: Number(rule.wholeNumber.formula1), max: Number(rule.wholeNumber.formula2) };
  if (rule.list) return { type: "list", values: String(rule.list.source).split(",") };
  if (rule.custom) return { type: "custom", formula: String(rule.custom.formula) };
  throw new Error(`export-plan: unsupported validation rule ${JSON.stringify(rule)}`);
}

/** The sections back into Excel's codes ("&L…&C…&R…"), non-empty sections only. */
function sectionCodes(left: string | undefined, center: string | undefined, right: string | undefined): string | undefined {
  const code = [left ? `&L${left}` : "", center ? `&C${center}` : "", right ? `&R${right}` : ""].join("");
  return code === "" ? undefined : code;
}

function exportMargins(margins: Record<string, number>): PageMargins {
  const of = (name: string) => margins[name] ?? 0;
  return { left: of("leftMargin"), right: of("rightMargin"), top: of("topMargin"), bottom: of("bottomMargin"), header: of("headerMargin"), footer: of("footerMargin") };
}

function headerFooterCodes(state: HeaderFooterState | undefined): { header?: string; footer?: string } {
  if (!state) return {};
  const header = sectionCodes(state.leftHeader, state.centerHeader, state.rightHeader);
  const footer = sectionCodes(state.leftFooter, state.centerFooter, state.rightFooter);
  return { ...(header !== undefined ? { header } : {}), ...(footer !== undefined ? { footer } : {}) };
}

export function exportSheetPlan(sheet: SheetState): SheetPlan {
  const used = usedRect(sheet, false);
  const styles: Record<string, CellStyle> = {};
  const styleIds = new Map<string, string>();
  const cells: (PlanCell | null)[][] = [];
  const unlockedGrid: (string | undefined)[][] = [];
  for (let r = 0; r <= (used?.r1 ?? -1); r++) {
    cells.push([]);
    unlockedGrid.push([]);
    for (let c = 0; c <= (used?.c1 ?? -1); c++) {
      const cell = peekCell(sheet, r, c);
      unlockedGrid[r].push(cell && !cell.locked ? "unlocked" : undefined);
      if (!cell) {
        cells[r].push(null);
        continue;
      }
      const planCell: PlanCell = {};
      if (cell.formula !== null) planCell.formula = cell.formula;
      else if (cell.value !== null) planCell.value = cell.value;
      const style = styleOf(sheet, cell, r, c);
      if (Object.keys(style).length > 0) {
        const key = JSON.stringify(style);
        if (!styleIds.has(key)) {
          styleIds.set(key, `s${styleIds.size + 1}`);
          styles[`s${styleIds.size}`] = style;
        }
        planCell.style = styleIds.get(key);
      }
      cells[r].push(Object.keys(planCell).length > 0 ? planCell : null);
    }
  }
  // unlocked cells outside the used range (blank, unformatted inputs) still count
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(",").map(Number);
    if (!cell.locked && (r > (used?.r1 ?? -1) || c > (used?.c1 ?? -1))) {
      while (unlockedGrid.length <= r) unlockedGrid.push([]);
      unlockedGrid[r][c] = "unlocked";
    }
  }
  const lastWidth = Math.max(-1, ...sheet.columnWidths.keys());
  const layout = sheet.pageLayout;
  return {
    name: sheet.name,
    visibility: sheet.visibility === "Visible" ? "visible" : "hidden",
    cells,
    styles,
    columnWidths: Array.from({ length: lastWidth + 1 }, (_, c) => {
      const points = sheet.columnWidths.get(c);
      return points === undefined ? 0 : pointsToCharacterWidth(points);
    }),
    ...(sheet.hiddenColumns.size > 0 ? { hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b) } : {}),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    merges: sheet.merges.map(rectAddress),
    validations: sheet.validations.map((v) => ({
      range: rectAddress(v.rect),
      rule: ruleOf(v),
      ...(v.prompt?.title !== undefined ? { prompt: { title: v.prompt.title, message: v.prompt.message ?? "" } } : {}),
      ...(v.errorAlert?.title !== undefined ? { error: { title: v.errorAlert.title, message: v.errorAlert.message ?? "" } } : {}),
    })),
    conditionalFormats: sheet.conditionalFormats.map((f) => ({
      range: rectAddress(f.rect),
      formula: f.formula,
      style: {
        ...(f.fill !== undefined ? { fill: f.fill } : {}),
        ...(f.fontColor !== undefined ? { fontColor: f.fontColor } : {}),
        ...(f.bold !== undefined ? { bold: f.bold } : {}),
      },
    })),
    unlocked: [...rectanglesByKey(unlockedGrid).values()].flat().map(areaAddress),
    protect: sheet.protection.protected,
    ...(layout.orientation
      ? {
          print: {
            orientation: layout.orientation === "Landscape" ? ("landscape" as const) : ("portrait" as const),
            paper: "A4" as const,
            fitToWidth: 1 as const,
            ...(layout.printTitleRows ? { titleRows: layout.printTitleRows } : {}),
            ...headerFooterCodes(layout.headerFooter),
            ...(layout.zoom?.scale !== undefined ? { zoom: layout.zoom.scale } : {}),
            ...(layout.margins ? { margins: exportMargins(layout.margins) } : {}),
          },
        }
      : {}),
    ...(layout.breaksAbove && layout.breaksAbove.length > 0 ? { rowBreaks: layout.breaksAbove.map((row) => row - 1) } : {}),
    ...(sheet.freeze.rows > 0 || sheet.freeze.columns > 0 ? { freeze: { ...sheet.freeze } } : {}),
    ...(sheet.charts.length > 0
      ? { charts: sheet.charts.map((c) => ({ type: "column" as const, title: c.title, source: rectAddress(c.source), anchor: c.anchor ?? "A1" })) }
      : {}),
  };
}

export function exportWorkbookPlan(state: WorkbookState): WorkbookPlan {
  const active = state.sheets.find((s) => s.id === state.activeSheetId);
  return { sheets: state.sheets.map(exportSheetPlan), activate: active?.name ?? state.sheets[0].name };
}
