/** Page headers and footers in Excel's header codes, shared by every printed sheet. */

/** A text shown literally in a header section: "&" starts a code there, so it is doubled. */
export function headerText(value: string): string {
  return value.replace(/&/g, "&&");
}

/** "&L…&C…&R…": left, centre and right sections; empty sections left out. */
export function headerSections(left: string, centre: string, right: string): string {
  return [["&L", left], ["&C", centre], ["&R", right]]
    .filter(([, value]) => value !== "")
    .map(([code, value]) => `${code}${headerText(value)}`)
    .join("");
}

/** 第&P页 共&N页, centred: a loose page says where it belongs in its stack. */
export const PAGE_NUMBER_FOOTER = "&C第&P页 共&N页";
