/** The part of pako 1.x (ExcelJS's own inflater, via JSZip) that the zlib shim uses. */
declare module "pako" {
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData(chunk: Uint8Array): void;
    err: number;
    msg: string;
  }
}
