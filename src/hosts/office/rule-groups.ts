/**
 * Fewer, larger ranges for what a plan lists cell by cell: validations, conditional formats and unlocked inputs with
 * the same (relative) meaning on neighbouring cells are merged into rectangles, with formulas rewritten for each
 * rectangle's top-left cell. Meaning is unchanged; a 1000-indicator template drops from ~7000 rules to a few dozen.
 */
import type { ConditionalFormatPlan, ValidationPlan } from "../../sheet/types";
import type { Area } from "./areas";
import { areaAddress, rectanglesByKey, splitAreas } from "./areas";
import { relativeKey, shiftFormula } from "./relative-formulas";

const AREA = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "B3:C4" → area; null for anything else (whole rows or columns), which is then left as it is. */
export function parseArea(text: string): Area | null {
  const m = AREA.exec(text);
  if (!m) return null;
  const r0 = Number(m[2]) - 1;
  const c0 = column(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? column(m[3]) : c0;
  return { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
}

interface Member<T> {
  item: T;
  /** where the item's formula is anchored */
  anchor: Area;
}

/** Places group ids on a sparse grid; later placements win, as a later rule on a cell replaces the earlier one. */
class GroupGrid<T> {
  readonly rows: (string | undefined)[][] = [];
  readonly groups = new Map<string, Member<T>>();
  private readonly ids = new Map<string, string>();

  place(key: string, member: Member<T>, area: Area): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = `g${this.ids.size}`;
      this.ids.set(key, id);
      this.groups.set(id, member);
    }
    for (let r = area.row; r < area.row + area.rows; r++) {
      const row = (this.rows[r] ??= []);
      for (let c = area.column; c < area.column + area.columns; c++) row[c] = id;
    }
  }

  /** rectangles per group, groups in order of first appearance */
  rectangles(): { member: Member<T>; area: Area }[] {
    const dense = Array.from({ length: this.rows.length }, (_, r) => Array.from(this.rows[r] ?? [], (id) => id));
    const byId = rectanglesByKey(dense);
    return [...this.groups].flatMap(([id, member]) => (byId.get(id) ?? []).map((area) => ({ member, area })));
  }
}

function formulaKey(formula: string, anchor: Area): string | null {
  return relativeKey(formula, anchor.row, anchor.column);
}

export function groupValidations(validations: ValidationPlan[]): ValidationPlan[] {
  const grid = new GroupGrid<ValidationPlan>();
  const untouched: ValidationPlan[] = [];
  for (const validation of validations) {
    for (const text of splitAreas(validation.range)) {
      const area = parseArea(text);
      const ruleKey = area && validation.rule.type === "custom" ? formulaKey(validation.rule.formula, area) : "";
      if (!area || ruleKey === null) {
        untouched.push({ ...validation, range: text });
        continue;
      }
      const { rule, prompt, error } = validation;
      const key = JSON.stringify([rule.type === "custom" ? ruleKey : rule, prompt ?? null, error ?? null]);
      grid.place(key, { item: validation, anchor: area }, area);
    }
  }
  const grouped = grid.rectangles().map(({ member, area }): ValidationPlan => {
    const rule = member.item.rule;
    return {
      ...member.item,
      range: areaAddress(area),
      rule: rule.type === "custom" ? { type: "custom", formula: shiftFormula(rule.formula, area.row - member.anchor.row, area.column - member.anchor.column) } : rule,
    };
  });
  return [...grouped, ...untouched];
}

/** Conditional formats stack (several may apply to one cell), so each distinct format gets its own grid. */
export function groupConditionalFormats(formats: ConditionalFormatPlan[]): ConditionalFormatPlan[] {
  const grids = new Map<string, GroupGrid<ConditionalFormatPlan>>();
  const order: (string | ConditionalFormatPlan)[] = [];
  for (const format of formats) {
    for (const text of splitAreas(format.range)) {
      const area = parseArea(text);
      const relative = area ? formulaKey(format.formula, area) : null;
      if (!area || relative === null) {
        order.push({ ...format, range: text });
        continue;
      }
      const key = JSON.stringify([relative, format.style]);
      let grid = grids.get(key);
      if (!grid) {
        grid = new GroupGrid<ConditionalFormatPlan>();
        grids.set(key, grid);
        order.push(key);
      }
      grid.place(key, { item: format, anchor: area }, area);
    }
  }
  return order.flatMap((entry) =>
    typeof entry !== "string"
      ? [entry]
      : (grids.get(entry)?.rectangles() ?? []).map(({ member, area }) => ({
          ...member.item,
          range: areaAddress(area),
          formula: shiftFormula(member.item.formula, area.row - member.anchor.row, area.column - member.anchor.column),
        })),
  );
}

export function groupUnlocked(references: string[]): string[] {
  const grid = new GroupGrid<null>();
  const untouched: string[] = [];
  for (const text of references.flatMap(splitAreas)) {
    const area = parseArea(text);
    if (area) grid.place("unlocked", { item: null, anchor: area }, area);
    else untouched.push(text);
  }
  return [...grid.rectangles().map(({ area }) => areaAddress(area)), ...untouched];
}
