/** The file names of the committee's documents: here, apart from the docx code, so the pane can name them cheaply. */
export const RESULT_NOTICE_FILE = "结果通报.docx";
export const PUBLIC_LIST_FILE = "公示名单.docx";

export type SummaryDocumentFile = typeof RESULT_NOTICE_FILE | typeof PUBLIC_LIST_FILE;

/** 结果通报.docx and 公示名单.docx, in that order. */
export const SUMMARY_DOCUMENT_FILES: readonly SummaryDocumentFile[] = [RESULT_NOTICE_FILE, PUBLIC_LIST_FILE];
