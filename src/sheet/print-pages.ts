/**
 * The printed page of a sheet that places its own page breaks: A4 landscape at 100 %, margins, and the breaks that keep
 * blocks of rows together (a heading with what follows it, an indicator with its rules). Heights are the plan's own
 * row heights in points, which every program prints as given.
 */
import type { PageMargins } from "./types";

/** A4 landscape in points. */
const A4_LANDSCAPE = { width: 841.9, height: 595.3 };

/** Room for the page header and footer (one 10 pt line each) inside the top and bottom margins. */
export const LANDSCAPE_MARGINS: PageMargins = { left: 28, right: 28, top: 34, bottom: 30, header: 12, footer: 12 };

/**
 * The share of a page's height the breaks fill: programs differ a little in how they place the header and round row
 * heights, and a page filled to the last point would get an automatic break of its own.
 */
const FILL = 0.975;

/** Printable height of an A4 landscape page with LANDSCAPE_MARGINS, in points. */
const LANDSCAPE_BODY = { height: A4_LANDSCAPE.height - LANDSCAPE_MARGINS.top - LANDSCAPE_MARGINS.bottom };

/** Pixels of the base font's character, the unit of column widths (Arial 11). */
export const PAGE_UNIT_PIXELS = 8;

/** The base font of a workbook sized to its page: Arial measures alike in Excel, WPS and LibreOffice (base-font.ts). */
export const PAGE_BASE_FONT = { name: "Arial", size: 11 };

/** Rows that print on one page: first…last, inclusive. */
export interface RowBlock {
  first: number;
  last: number;
  /**
   * A block that may continue on the next page: given the room left on the page, it rearranges its rows (and may
   * change their heights) so that rows first…after fill that room, and returns `after` and the block of the rows
   * that continue; null when it cannot.
   */
  split?: (room: number) => { after: number; rest: RowBlock } | null;
}

/**
 * Manual breaks (the row index after which a new page starts), greedily: a block that would overflow the page is split
 * where it allows (its own `split`), else starts the next page. `repeated` is the height of the rows printed again at
 * the top of every further page (print titles). A block taller than a page is left to the program.
 */
export function pageBreaks(blocks: readonly RowBlock[], heightOf: (row: number) => number, repeated: number): number[] {
  const page = LANDSCAPE_BODY.height * FILL;
  const heightBetween = (first: number, last: number) => {
    let height = 0;
    for (let row = first; row <= last; row++) height += heightOf(row);
    return height;
  };
  const breaks: number[] = [];
  let used = 0;
  let budget = page;
  const newPage = () => {
    used = 0;
    budget = page - repeated;
  };
  for (const whole of blocks) {
    let block: RowBlock | null = whole;
    while (block) {
      const height = heightBetween(block.first, block.last);
      if (used + height <= budget) {
        used += height;
        break;
      }
      const piece: { after: number; rest: RowBlock } | null = block.split?.(budget - used) ?? null;
      if (piece) {
        breaks.push(piece.after);
        block = piece.rest;
      } else if (used > 0) {
        // the whole block starts the next page
        breaks.push(block.first - 1);
      } else {
        // taller than a page and not to be split: left to the program
        used += height;
        break;
      }
      newPage();
    }
  }
  return breaks;
}
