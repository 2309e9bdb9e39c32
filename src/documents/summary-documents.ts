/**
 * The committee's documents of a summary as docx Document objects: what `compile --docx` writes to a folder
 * (write-documents.ts, Node) and what the pane's 汇总 view offers for download (Packer.toBlob in the browser).
 */
import type { Document } from "docx";
import type { Summary } from "../summary/types";
import { RESULT_NOTICE_FILE, type SummaryDocumentFile } from "./document-files";
import { publicListDocument } from "./public-list";
import { resultNotice } from "./result-notice";

/** `issuer`: the issuing unit (compile --issuer), else the documents' placeholder. */
export function summaryDocument(summary: Summary, file: SummaryDocumentFile, issuer?: string): Document {
  return file === RESULT_NOTICE_FILE ? resultNotice(summary, issuer) : publicListDocument(summary, issuer);
}
