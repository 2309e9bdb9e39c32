/**
 * Office tells an add-in its theme only as colours (Office.context.officeTheme, not in every host). A dark body
 * background means a dark theme; anything unreadable means light, the Office default.
 */
export function isDarkBackground(colour: string | undefined | null): boolean {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour?.trim() ?? "");
  if (!match) return false;
  const value = parseInt(match[1], 16);
  const channels = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  return luminance < 0.2;
}
