/**
 * Gnumeric saves a formula's text result as a shared-string index (<c t="s"><f>…</f><v>15</v>), which ExcelJS — and
 * so readWorkbookFile — returns as the number 15. Until the xlsx reader resolves it, the parity test looks the index
 * up itself, so it still checks the band and pass Gnumeric computed rather than skipping them.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { entryData, readZipDirectory } from "../../src/hosts/xlsx/zip-directory";

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function sharedStringsOf(path: string): string[] {
  const bytes = readFileSync(path);
  const entry = readZipDirectory(bytes).find((candidate) => candidate.name === "xl/sharedStrings.xml");
  if (!entry) return [];
  const data = entryData(bytes, entry);
  const xml = (entry.method === 8 ? inflateRawSync(data) : data).toString("utf8");
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map(([, item]) =>
    decodeXml([...item.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map(([, text]) => text).join("")),
  );
}
