/**
 * The usual layout of a Party document (GB/T 9704 in outline): A4 portrait, body 仿宋 三号 (16 pt) at a fixed 28 pt
 * line, level-one headings 黑体, the title 黑体 二号 centred, page numbers "— 1 —" in the footer. Fonts are named by
 * their Chinese names as Windows and WPS install them (仿宋, 黑体); where they are missing (Linux, macOS) the program
 * substitutes its own CJK serif or sans, which keeps the document readable.
 */
import { AlignmentType, Document, Footer, LineRuleType, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from "docx";

export const FANGSONG = "仿宋";
/** The creator our documents carry, by which a later run knows it may replace them. */
export const DOCUMENT_CREATOR = "支部考评助手";
export const HEITI = "黑体";
const LATIN = "Times New Roman";

/** half-points */
const BODY_SIZE = 32; // 三号 16 pt
const TITLE_SIZE = 44; // 二号 22 pt
const TABLE_SIZE = 24; // 小四 12 pt
/** twips: 28 pt fixed line */
const BODY_LINE = 560;

function font(name: string): { ascii: string; hAnsi: string; eastAsia: string } {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia: name };
}

function run(text: string, name = FANGSONG, size = BODY_SIZE, bold = false): TextRun {
  return new TextRun({ text, font: font(name), size, bold });
}

export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480, line: 720, lineRule: LineRuleType.EXACT }, children: [run(text, HEITI, TITLE_SIZE)] });
}

/** 发文单位 / 日期 placeholders and the like: centred, one line. */
export function centred(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(text)] });
}

/** A body paragraph, first line indented two characters. */
export function body(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
}

/** A paragraph without indent (the salutation 各党总支：). */
export function flush(text: string): Paragraph {
  return new Paragraph({ spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(text)] });
}

/** 一、总体情况: 黑体, indented like the body. */
export function heading(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, keepNext: true, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(text, HEITI)] });
}

/** （一）机电工程学院党总支: 仿宋 bold, kept with its table. */
export function subheading(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, keepNext: true, spacing: { before: 120, line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(text, FANGSONG, BODY_SIZE, true)] });
}

/** Signature lines at the right: the issuing unit, then the date. */
export function signOff(lines: string[]): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    ...lines.map((line) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 640 }, spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, children: [run(line)] })),
  ];
}

/** twips between the margins of an A4 portrait page */
const TEXT_WIDTH = 11906 - 1588 - 1474;

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, header ? HEITI : FANGSONG, TABLE_SIZE)] })],
  });
}

/** A full-width table, columns in the given proportions, the header row repeated on every page. */
export function table(headers: string[], rows: string[][], shares: number[] = headers.map(() => 1)): Table {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => Math.floor((TEXT_WIDTH * share) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((header, i) => cell(header, true, widths[i])) }),
      ...rows.map((values) => new TableRow({ cantSplit: true, children: values.map((value, i) => cell(value, false, widths[i])) })),
    ],
  });
}

/** A4 portrait, 公文 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), "— N —" page numbers. */
export function officialDocument(documentTitle: string, children: (Paragraph | Table)[]): Document {
  return new Document({
    title: documentTitle,
    creator: DOCUMENT_CREATOR,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(FANGSONG), size: 28 })] })],
          }),
        },
        children,
      },
    ],
  });
}
