/**
 * The shared string table (xl/sharedStrings.xml): each item's text runs joined, phonetic (rPh) runs left out, as
 * Excel shows it. Also the text of an inline string (`<is>`), which has the same shape.
 */
import type { XmlHandler } from "./xml-part";

/**
 * The text, made flat in place. saxes builds a text holding entities (a JSON's every &quot;) by concatenation, which
 * V8 keeps as a tree of its pieces, several times the text's own size: a 20 000-row summary's data sheet took 500 MB
 * of heap so, 175 MB flat, and a roll-up reading it ran out of its worker's memory. Converting a string to a number
 * makes V8 flatten it in place (what the flatstr package does); the number itself is not wanted.
 */
function flat(text: string): string {
  Number(text);
  return text;
}

/** Collects the text of `t` elements, skipping those inside phonetic runs; `reset()` starts the next item. */
export class RunText {
  private inText = false;
  private phonetic = 0;
  private parts: string[] = [];

  open(name: string): void {
    if (name === "rPh") this.phonetic += 1;
    else if (name === "t" && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "rPh") this.phonetic -= 1;
    else if (name === "t") this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  take(): string {
    const text = this.parts.length === 1 ? flat(this.parts[0]) : this.parts.join("");
    this.parts = [];
    this.inText = false;
    this.phonetic = 0;
    return text;
  }
}

/** A handler that fills `strings` with the table's items, empty items keeping their index. */
export function sharedStringsHandler(strings: string[]): XmlHandler {
  const runs = new RunText();
  let inItem = false;
  return {
    open(name) {
      if (name === "si") inItem = true;
      else if (inItem) runs.open(name);
    },
    text(text) {
      if (inItem) runs.text(text);
    },
    close(name) {
      if (name === "si") {
        strings.push(runs.take());
        inItem = false;
      } else if (inItem) runs.close(name);
    },
  };
}
