/**
 * How a test configures the harness page: options travel in the URL (`?options=<JSON>`), so one built page serves
 * every scenario. Shared by the page and the Node side that opens it.
 */
import type { Scalar } from "../../support/excel-double/state";

export interface HarnessOptions {
  /** ExcelApi 1.x minor version the double reports; default 12. Below 7 the pane shows its unsupported message. */
  apiMinor?: number;
  /** sheets of the workbook at start; default ["Sheet1"] */
  sheets?: string[];
  /** values from A1 typed into sheets before the pane starts, by sheet name (the sheets are created when missing) */
  values?: Record<string, (Scalar | null)[][]>;
  /** Office's display language, the pane's first guess for its UI language; default "zh-CN" */
  displayLanguage?: string;
  /** keep a language chosen on an earlier page of the session (default: forget it, so displayLanguage decides) */
  keepStoredLanguage?: boolean;
  /** which pane to render beside the grid (see pane.tsx); default "taskpane" */
  pane?: string;
}

export const OPTIONS_PARAMETER = "options";

export function optionsQuery(options: HarnessOptions): string {
  return `?${OPTIONS_PARAMETER}=${encodeURIComponent(JSON.stringify(options))}`;
}

export function parseOptions(search: string): HarnessOptions {
  const raw = new URLSearchParams(search).get(OPTIONS_PARAMETER);
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`harness options must be an object: ${raw}`);
  return parsed as HarnessOptions;
}
