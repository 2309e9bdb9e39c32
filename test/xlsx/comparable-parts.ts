/** The parts of an .xlsx package as text, to compare two writers' files (stream-write tests). */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";

/** The package's parts as text, with what legitimately differs between the two writers taken out. */
export function comparableParts(path: string): Record<string, string> {
  const parts = unzipSync(readFileSync(path));
  const texts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(parts)) {
    if (name.endsWith("/") || name === "docProps/core.xml") continue; // folder entries; the creation time
    texts[name] = strFromU8(bytes)
      .replace(/\?>\n/, "?>") // the line feed after the XML declaration
      .replace(/<dimension ref="[^"]*"\/>/, "")
      .replace(/<calcPr [^>]*\/>/, "")
      .replace(/<Manager><\/Manager>/, ""); // an empty 文档管理者 field
  }
  return texts;
}
