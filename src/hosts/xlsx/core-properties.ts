/** The document's last-saved time (docProps/core.xml `dcterms:modified`), which Excel, WPS, LibreOffice and ExcelJS write. */
import type { XmlHandler } from "./xml-part";

export function modifiedHandler(found: (modified: string) => void): XmlHandler {
  let inModified = false;
  let text = "";
  return {
    open(name) {
      inModified = name === "modified";
    },
    text(part) {
      if (inModified) text += part;
    },
    close(name) {
      if (name !== "modified") return;
      inModified = false;
      const time = new Date(text.trim());
      if (!Number.isNaN(time.getTime())) found(time.toISOString());
    },
  };
}
