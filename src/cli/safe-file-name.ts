/**
 * A branch or organisation name as one file or folder name on Windows, macOS and Linux alike: characters Windows
 * forbids (\ / : * ? " < > | and controls) become "_", leading dots and trailing dots/spaces go, device names
 * (CON, NUL, COM1 …) get a "_" prefix, and the name is cut to 80 characters (Chinese names stay well under any
 * file-system limit in bytes).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what Windows forbids in names
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_LENGTH = 80;

export function safeFileName(name: string): string {
  let safe = name.replace(FORBIDDEN, "_").replace(/[\s\u3000]+/g, " ").trim();
  safe = safe.replace(/^\.+/, "").replace(/[. ]+$/, "");
  safe = [...safe].slice(0, MAX_LENGTH).join("").trim();
  if (safe === "") return "_";
  return DEVICE_NAME.test(safe) ? `_${safe}` : safe;
}
