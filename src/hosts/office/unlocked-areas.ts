/**
 * Unlocked inputs come cell by cell in a plan; neighbouring ones are merged into rectangles so a rule row's inputs
 * (数量, 扣分, 理由, 佐证) take one request instead of four.
 */
import type { Area } from "./areas";
import { splitAreas } from "../../sheet/addresses";
import { areaAddress, rectanglesByKey } from "./areas";

const AREA = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "B3:C4" → area; null for anything else (whole rows or columns), which is then left as it is. */
function parseArea(text: string): Area | null {
  const m = AREA.exec(text);
  if (!m) return null;
  const r0 = Number(m[2]) - 1;
  const c0 = column(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? column(m[3]) : c0;
  return { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
}

export function groupUnlocked(references: string[]): string[] {
  const grid: (string | undefined)[][] = [];
  const untouched: string[] = [];
  for (const text of references.flatMap(splitAreas)) {
    const area = parseArea(text);
    if (!area) {
      untouched.push(text);
      continue;
    }
    for (let r = area.row; r < area.row + area.rows; r++) {
      const row = (grid[r] ??= []);
      for (let c = area.column; c < area.column + area.columns; c++) row[c] = "unlocked";
    }
  }
  const dense = Array.from({ length: grid.length }, (_, r) => Array.from(grid[r] ?? [], (key) => key));
  return [...(rectanglesByKey(dense).get("unlocked") ?? []).map(areaAddress), ...untouched];
}
