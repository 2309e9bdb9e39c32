/**
 * Reads an .xlsx held in memory into a WorkbookGrid (cached values and formulas), streaming only the parts it needs
 * through fflate and saxes. No Node builtins and no Buffer, so the task pane and workers use it as it is; Node's file
 * reading is in ./read. The bytes are checked first (file-check.ts) and never changed.
 *
 * Two selections: every sheet (hidden ones too) in tab order, or — for scoring — the `_meta` sheets and the scoring
 * sheets they name, leaving out every other sheet (all non-meta sheets are read only when a meta sheet's scoring
 * sheet cannot be found by name, since the reader then looks for it by its codes).
 */
import { readMetaTable, isMetaSheetName } from "../../sheet/read-meta";
import { isSummaryDataSheetName } from "../../sheet/meta-keys";
import { modifiedHandler } from "./core-properties";
import { namedSheet } from "../../sheet/read-match";
import type { Grid, WorkbookGrid } from "../../sheet/types";
import { dateStylesHandler } from "./date-styles";
import { checkOtherParts, checkWorkbookBytes, DEFAULT_READ_LIMITS, type CheckedPackage, type ReadLimits } from "./file-check";
import { sharedStringsHandler } from "./shared-strings";
import { SheetReader } from "./sheet-cells";
import { readWorkbookIndex, type SheetEntry, type WorkbookIndex } from "./workbook-index";
import type { WholeInflater } from "./inflate";
import { parseXmlPart } from "./xml-part";

export { WorkbookFileError, type WorkbookFileErrorKind } from "./errors";

export interface ReadWorkbookOptions extends Partial<ReadLimits> {
  /** "all" (default): every sheet; "scoring": the `_meta` sheets and their scoring sheets only */
  sheets?: "all" | "scoring";
  /** how parts are unpacked: fflate (default, anywhere) or Node's zlib (./inflate-node, what ./read uses) */
  inflate?: WholeInflater;
}

const CORE_PROPERTIES_PART = "docProps/core.xml";

export function readLimits(options: ReadWorkbookOptions | undefined): ReadLimits {
  return {
    maxBytes: options?.maxBytes ?? DEFAULT_READ_LIMITS.maxBytes,
    maxUncompressed: options?.maxUncompressed ?? DEFAULT_READ_LIMITS.maxUncompressed,
  };
}

class PackageReader {
  readonly parsed = new Set<string>();
  readonly index: WorkbookIndex;
  private readonly sharedStrings: string[] = [];
  private readonly dateStyles = new Set<number>();
  private readonly percentStyles = new Set<number>();
  /** docProps/core.xml's dcterms:modified, when the writer recorded one */
  modified: string | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly checked: CheckedPackage,
  ) {
    this.index = readWorkbookIndex(file, bytes, checked, this.parsed);
    const { styles, sharedStrings } = this.index;
    this.parse(styles, () => dateStylesHandler(this.dateStyles, this.percentStyles));
    this.parse(sharedStrings, () => sharedStringsHandler(this.sharedStrings));
    this.parse(CORE_PROPERTIES_PART, () => modifiedHandler((modified) => (this.modified = modified)));
  }

  private parse(part: string | null, handler: () => Parameters<typeof parseXmlPart>[4]): boolean {
    const entry = part === null ? undefined : this.checked.entries.get(part);
    if (!entry || this.parsed.has(entry.name)) return false;
    this.parsed.add(entry.name);
    parseXmlPart(this.file, this.bytes, entry, this.checked.inflate, handler());
    return true;
  }

  /** The sheet's grid; a sheet whose part is missing reads as empty, as ExcelJS read it. */
  sheet(entry: SheetEntry): Grid {
    const reader = new SheetReader({
      file: this.file,
      part: entry.part ?? "",
      sharedStrings: this.sharedStrings,
      dateStyles: this.dateStyles,
      percentStyles: this.percentStyles,
      date1904: this.index.date1904,
    });
    const part = entry.part === null ? undefined : this.checked.entries.get(entry.part);
    if (part) {
      this.parsed.add(part.name);
      parseXmlPart(this.file, this.bytes, part, this.checked.inflate, reader);
    }
    return reader.grid(entry.name);
  }

  /** Damaged workbook XML nobody read is still a damaged file. */
  finish(): void {
    checkOtherParts(this.bytes, this.file, this.checked, this.parsed);
  }
}

/**
 * The meta sheets, then only the scoring sheets they name by the reader's matching rule (sheet/read-match), or every
 * sheet when one names no existing sheet (the reader then looks for the sheet by its codes).
 */
function scoringSheets(reader: PackageReader): Grid[] {
  const sheets = reader.index.sheets.filter((sheet) => sheet.part !== null);
  const grids = new Map<SheetEntry, Grid>();
  for (const sheet of sheets) if (isMetaSheetName(sheet.name)) grids.set(sheet, reader.sheet(sheet));
  const others = sheets.filter((sheet) => !isMetaSheetName(sheet.name)).map((sheet) => sheet.name);
  const named = new Set<string>();
  let searchAll = false;
  for (const grid of grids.values()) {
    const name = namedSheet(readMetaTable(grid), others);
    if (name === null) searchAll = true;
    else named.add(name);
  }
  // a summary's data sheet: the inputs a roll-up compiles (src/summary/rollup); it names no scoring sheet to look for
  for (const sheet of sheets) if (isSummaryDataSheetName(sheet.name)) grids.set(sheet, reader.sheet(sheet));
  for (const sheet of sheets) {
    if (grids.has(sheet) || !(searchAll || named.has(sheet.name))) continue;
    grids.set(sheet, reader.sheet(sheet));
  }
  return sheets.filter((sheet) => grids.has(sheet)).map((sheet) => grids.get(sheet)!);
}

/**
 * `name` is how the user knows the workbook (a file name); it appears in every error message. Throws
 * WorkbookFileError for a file that is not a complete, unencrypted .xlsx within the limits, or whose parts hold
 * content we do not read.
 */
export async function readWorkbookBytes(bytes: Uint8Array, name: string, options?: ReadWorkbookOptions): Promise<WorkbookGrid> {
  return readWorkbookBytesSync(bytes, name, options);
}

/** readWorkbookBytes without the promise: for workers and benchmarks that read one file after another. */
export function readWorkbookBytesSync(bytes: Uint8Array, name: string, options?: ReadWorkbookOptions): WorkbookGrid {
  const checked = checkWorkbookBytes(bytes, name, readLimits(options), options?.inflate);
  const reader = new PackageReader(bytes, name, checked);
  const sheets =
    options?.sheets === "scoring"
      ? scoringSheets(reader)
      : reader.index.sheets.filter((sheet) => sheet.part !== null).map((sheet) => reader.sheet(sheet));
  reader.finish();
  return reader.modified === null ? { sheets } : { sheets, modified: reader.modified };
}

/** The earlier name of readWorkbookBytes (a Node Buffer is a Uint8Array), kept for existing callers. */
export const readWorkbookBuffer = readWorkbookBytes;
