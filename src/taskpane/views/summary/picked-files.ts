/**
 * The files chosen so far, over several picks and drops. The pipeline knows files by name, so every picked file needs
 * a distinct one: the same file picked again is not added twice, while a different file that happens to share a name
 * (another folder's 第一党支部.xlsx) is kept under a numbered name, as Windows numbers copies.
 */
export interface PickableFile {
  name: string;
  size: number;
  lastModified: number;
}

export interface Picked<F extends PickableFile> {
  /** the name shown and compiled: the file's own, or numbered when another picked file has it */
  name: string;
  file: F;
}

function sameFile(a: PickableFile, b: PickableFile): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Office's lock files (~$名单.xlsx) appear beside open workbooks and are never workbooks themselves. */
function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

export function addPicked<F extends PickableFile>(current: readonly Picked<F>[], incoming: readonly F[]): Picked<F>[] {
  const result = [...current];
  const taken = new Set(current.map((picked) => picked.name.toLowerCase()));
  for (const file of incoming) {
    if (isLockFile(file.name) || result.some((picked) => sameFile(picked.file, file))) continue;
    let name = file.name;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = numbered(file.name, n);
    taken.add(name.toLowerCase());
    result.push({ name, file });
  }
  return result;
}
