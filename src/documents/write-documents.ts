/** Node only: `compile --docx <folder>` writes 结果通报.docx and 公示名单.docx (replacing only files it wrote before). */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { join } from "node:path";
import { Packer } from "docx";
import type { Summary } from "../summary/types";
import { SUMMARY_DOCUMENT_FILES } from "./document-files";
import { DOCUMENT_CREATOR } from "./official-layout";
import { summaryDocument } from "./summary-documents";

export interface DocumentsOutcome {
  written: string[];
  refused: string[];
}

/** Our documents name the tool as creator (docProps/core.xml); any other file there is someone's own, left alone. */
async function mayReplace(path: string): Promise<boolean> {
  const exists = await stat(path).then(() => true, () => false);
  if (!exists) return true;
  try {
    const parts = unzipSync(await readFile(path), { filter: (file) => file.name === "docProps/core.xml" });
    const core = parts["docProps/core.xml"];
    return core !== undefined && strFromU8(core).includes(`<dc:creator>${DOCUMENT_CREATOR}</dc:creator>`);
  } catch {
    return false; // not a zip: not ours
  }
}

/** `issuer`: the issuing unit printed on both documents (compile --issuer), else a placeholder. */
export async function writeDocuments(summary: Summary, folder: string, issuer?: string): Promise<DocumentsOutcome> {
  await mkdir(folder, { recursive: true });
  const outcome: DocumentsOutcome = { written: [], refused: [] };
  for (const file of SUMMARY_DOCUMENT_FILES) {
    const document = summaryDocument(summary, file, issuer);
    const path = join(folder, file);
    if (!(await mayReplace(path))) {
      outcome.refused.push(path);
      continue;
    }
    await writeFile(path, await Packer.toBuffer(document));
    outcome.written.push(path);
  }
  return outcome;
}
