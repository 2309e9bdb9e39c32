/**
 * Text cut off in print, found as a reader of the page would: every word poppler finds in a PDF (pdftotext -bbox) must
 * have ink where it stands on the rendered page (pdftoppm). A line of a wrapped text that its row is too short for is
 * still in the PDF, clipped by its cell: its place on the page is blank. Estimates of how text wraps cannot tell;
 * this does.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProgram } from "./spreadsheet-programs";

/** Pixels per inch of the rendered pages: 9 pt text is about 12 pixels tall. */
const DPI = 100;
/** A pixel darker than this is ink (0 black … 255 white). */
const INK = 160;
/** A word has ink when at least this share of its box's pixel rows holds some: a border line through a blank box does not. */
const INKED_ROWS = 0.3;

export interface UninkedWord {
  page: number;
  word: string;
}

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A binary PGM (P5) as pdftoppm -gray writes it. */
function readPgm(path: string): Gray {
  const bytes = readFileSync(path);
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at++;
    let field = "";
    while (!/\s/.test(String.fromCharCode(bytes[at]))) field += String.fromCharCode(bytes[at++]);
    fields.push(field);
  }
  const [magic, width, height] = fields;
  if (magic !== "P5") throw new Error(`${path}: not a binary PGM`);
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(at + 1) };
}

function hasInk(page: Gray, box: [number, number, number, number]): boolean {
  const [left, top, right, bottom] = box.map((points) => (points * DPI) / 72);
  let rows = 0;
  let inked = 0;
  for (let y = Math.floor(top); y < Math.min(Math.ceil(bottom), page.height); y++) {
    rows += 1;
    for (let x = Math.floor(left); x < Math.min(Math.ceil(right), page.width); x++) {
      if (page.pixels[y * page.width + x] < INK) {
        inked += 1;
        break;
      }
    }
  }
  return inked >= rows * INKED_ROWS;
}

const WORD = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;

/**
 * The words of `pdf` with no ink where they stand, page by page. Words of punctuation and symbols alone (·, =, ›) are
 * left out, their strokes too thin to tell; so are `ignored` texts (cells of hidden columns, which are in the PDF but
 * never drawn).
 */
export async function wordsWithoutInk(pdf: string, ignored: ReadonlySet<string> = new Set()): Promise<UninkedWord[]> {
  const { stdout } = await runProgram("pdftotext", ["-bbox", pdf, "-"]);
  const folder = mkdtempSync(join(tmpdir(), "bs-ink-"));
  try {
    const found: UninkedWord[] = [];
    const pages = stdout.split("<page ").slice(1);
    for (const [index, text] of pages.entries()) {
      const number = index + 1;
      const image = join(folder, `page-${number}`);
      await runProgram("pdftoppm", ["-gray", "-r", String(DPI), "-f", String(number), "-l", String(number), "-singlefile", pdf, image]);
      const page = readPgm(`${image}.pgm`);
      for (const match of text.matchAll(WORD)) {
        const word = match[5];
        if (ignored.has(word) || !/[\p{L}\p{N}]/u.test(word)) continue;
        const box = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
        if (!hasInk(page, box)) found.push({ page: number, word });
      }
    }
    return found;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
