/**
 * The harness page: an Excel double installed as the globals Excel/Office (no office.js), a clickable grid of its
 * active sheet, and beside it the real task pane talking to the double through createOfficeHost().
 */
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../../../src/hosts/office/office-host";
import { LANGUAGE_STORAGE_KEY, initLanguage } from "../../../src/i18n";
import { createExcelDouble } from "../../support/excel-double";
import { preloadValues } from "./preload";
import { parseOptions } from "./options";
import { DEFAULT_PANE, PANES } from "./panes";
import { SheetGrid } from "./SheetGrid";
import type { HarnessWindow } from "./window";

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`harness.html has no #${id}`);
  return found;
}

const options = parseOptions(window.location.search);
const excel = createExcelDouble({ apiMinor: options.apiMinor, sheets: options.sheets });
preloadValues(excel, options.values ?? {});
excel.install(window);
const harness = { excel, host: createOfficeHost(), options, ready: false };
(window as unknown as HarnessWindow).harness = harness;

const pane = PANES[options.pane ?? DEFAULT_PANE];
if (!pane) throw new Error(`unknown harness pane "${options.pane}"; known: ${Object.keys(PANES).join(", ")}`);

void Office.onReady(() => {
  // pages of one session share storage: a language chosen on an earlier page must not leak into this one
  if (!options.keepStoredLanguage) localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  initLanguage(options.displayLanguage ?? "zh-CN");
  createRoot(element("grid")).render(<SheetGrid excel={excel} />);
  createRoot(element("pane")).render(pane(createOfficeHost()));
  harness.ready = true;
});
