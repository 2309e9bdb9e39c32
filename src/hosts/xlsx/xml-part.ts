/**
 * One XML part of the package, unpacked and parsed as a stream: fflate's inflater feeds saxes chunk by chunk, so a
 * part is never held whole, nothing is matched with regular expressions, and a hostile part costs time in proportion
 * to its bytes, never more. DOCTYPE declarations (entity definitions, external entities) are refused outright; saxes
 * itself knows only the five predefined entities and numeric references.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { unsupported } from "./errors";
import { unpackEntry } from "./file-check";
import type { WholeInflater } from "./inflate";
import type { ZipEntry } from "./zip-directory";

/** What a part's reader sees: element names without their namespace prefix, attributes as written. */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text(text: string): void;
  close(name: string): void;
}

/**
 * Thrown (as ENOUGH_READ) by a handler that has read all it needs (a worksheet's merges, the styles' cell formats): the rest of the part
 * is still unpacked, so damaged packing is still found, but its XML is not parsed, as for parts nobody reads. The
 * validations and conditional formats after a scoring sheet's cells are a quarter of its XML.
 */
class EnoughRead extends Error {
  override readonly name = "EnoughRead";
}
/** One instance, thrown again and again: making an Error records a stack, twice per file otherwise. */
export const ENOUGH_READ = new EnoughRead("the handler has read what it needs");

/** The part's XML is well packed but not something we read (bad XML, a DOCTYPE, absurd nesting). */
class XmlContentError extends Error {}

const DECODE_SLICE = 16 * 1024;

// real SpreadsheetML nests about ten deep; deep nesting only makes a parser's stack grow
const MAX_DEPTH = 100;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function xmlParser(handler: XmlHandler): SaxesParser<{ position: false; xmlns: false }> {
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  // the local names of the open elements, innermost last: a close is told the name its open was
  const open: string[] = [];
  parser.on("doctype", () => {
    throw new XmlContentError("含有 DOCTYPE 声明（可定义实体），出于安全考虑不予读取");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (open.length >= MAX_DEPTH) throw new XmlContentError(`元素嵌套超过 ${MAX_DEPTH} 层`);
    const name = localName(tag.name);
    open.push(name);
    handler.open(name, tag.attributes);
  });
  // saxes reports a self-closing tag's close too, and only a close that matches its open
  parser.on("closetag", () => handler.close(open.pop()!));
  // saxes' own messages are English with positions: the user gets what is wrong, not the parser's words
  parser.on("error", () => {
    throw new XmlContentError("不是格式正确的 XML");
  });
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  return parser;
}

/**
 * Unpacks `entry` (./file-check's unpackEntry: declared size as a hard cap) and streams its XML through `handler`.
 * Throws WorkbookFileError: corrupt when the packing is damaged, too-large past the declared size, unsupported when
 * the XML is not something we read. The handler may throw WorkbookFileError itself (a limit it enforces).
 */
export function parseXmlPart(file: string, bytes: Uint8Array, entry: ZipEntry, inflate: WholeInflater, handler: XmlHandler): void {
  const parser = xmlParser(handler);
  const decoder = new TextDecoder("utf-8");
  let enough = false;
  const guarded = (step: () => void): void => {
    if (enough) return;
    try {
      step();
    } catch (error) {
      if (error instanceof EnoughRead) enough = true;
      else if (error instanceof XmlContentError) throw unsupported(file, entry.name, error.message);
      else throw error;
    }
  };
  // decoded a slice at a time, so what follows the part of a sheet a handler reads is never decoded either
  unpackEntry(file, bytes, entry, inflate, (chunk) => {
    for (let at = 0; at < chunk.length && !enough; at += DECODE_SLICE) {
      guarded(() => parser.write(decoder.decode(chunk.subarray(at, at + DECODE_SLICE), { stream: true })));
    }
  });
  guarded(() => {
    parser.write(decoder.decode());
    parser.close();
  });
}
