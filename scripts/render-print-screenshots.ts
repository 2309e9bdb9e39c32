/**
 * Renders the README pictures of what `npm run demo` prints: the first page of a 反馈单, of the 结果通报 and of the
 * summary workbook (汇总), printed to PDF by LibreOffice and rendered by pdftoppm → docs/screenshots/feedback.png,
 * result-notice.png, summary-sheet.png.
 * Run from the repository root after `npm run demo` (needs soffice with Writer, and pdftoppm):
 *   npx tsc -p scripts/tsconfig.screenshot.json && node dist-cli/scripts/render-print-screenshots.js [out]
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pdfPageToPng, printManyWithLibreOffice } from "../test/support/spreadsheet-programs";

const DPI = 100;
/** the demo branch shown: the 反馈单 with the most to say (the largest file) */
function fullestFeedback(folder: string): string {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".xlsx")).map((name) => join(folder, name));
  if (files.length === 0) throw new Error(`${folder} 中没有反馈单：请先运行 npm run demo`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size || (a < b ? -1 : 1))[0];
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? "out");
  const feedback = fullestFeedback(join(out, "反馈单", "两化一创"));
  const [feedbackPdf, noticePdf, summaryPdf] = await printManyWithLibreOffice([feedback, join(out, "通报", "两化一创", "结果通报.docx"), join(out, "summary.xlsx")]);
  await pdfPageToPng(feedbackPdf, "docs/screenshots/feedback.png", 1, DPI);
  await pdfPageToPng(noticePdf, "docs/screenshots/result-notice.png", 1, DPI);
  await pdfPageToPng(summaryPdf, "docs/screenshots/summary-sheet.png", 1, DPI);
  console.log(`已写出 docs/screenshots/feedback.png（${feedback}）、result-notice.png 和 summary-sheet.png`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
