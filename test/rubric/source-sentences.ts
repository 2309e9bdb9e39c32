/**
 * Splits a source document (test/rubric/seeds) into the units the traceability tables (docs/sources) must cover, so
 * a sentence the tables miss is caught by the test rather than by a reader. The rule (documented in
 * docs/sources/README.md):
 *  1. Word-export markers such as "[bookmark: _GoBack]" are dropped; every line is trimmed (ASCII and full-width spaces).
 *  2. A line broken in the middle of a sentence (as copied from a PDF) is joined to the next non-empty line: a line
 *     ending in 、 or ， or longer than 24 characters that ends in neither 。！？；：nor a closing quote or bracket.
 *  3. Each line is cut after every 。！？；(full- or half-width), keeping closing quotes and brackets that follow the
 *     mark with the sentence they close.
 *  4. A unit with no letter, digit or Chinese character is dropped. Headings (一、总体要求) are units of their own.
 */
const MARKER = /\[bookmark:[^\]]*\]/g;
const SENTENCE_END = /[。！？；;!?]/;
const CLOSERS = /[”’）)」』》"]/;
const LINE_COMPLETE = /[。！？；;!?：:”’）)」』》"]$/;
const LONG_LINE = 24;

function joinBrokenLines(lines: string[]): string[] {
  const joined: string[] = [];
  let pending = "";
  for (const line of lines) {
    if (line === "") continue;
    const current = pending + line;
    const broken = /[、，,]$/.test(current) || (line.length > LONG_LINE && !LINE_COMPLETE.test(current));
    if (broken) pending = current;
    else {
      joined.push(current);
      pending = "";
    }
  }
  if (pending) joined.push(pending);
  return joined;
}

function splitLine(line: string): string[] {
  const units: string[] = [];
  let start = 0;
  for (let index = 0; index < line.length; index++) {
    if (!SENTENCE_END.test(line[index]!)) continue;
    let end = index + 1;
    while (end < line.length && CLOSERS.test(line[end]!)) end++;
    units.push(line.slice(start, end));
    start = end;
    index = end - 1;
  }
  units.push(line.slice(start));
  return units;
}

/** The units of `source` in order, each in the source's own words. */
export function sourceSentences(source: string): string[] {
  const lines = source
    .replace(MARKER, "")
    .split(/\r?\n/)
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""));
  return joinBrokenLines(lines)
    .flatMap(splitLine)
    .map((unit) => unit.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((unit) => /[\p{L}\p{N}]/u.test(unit));
}
