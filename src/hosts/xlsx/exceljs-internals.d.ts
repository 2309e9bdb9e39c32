/** The one ExcelJS internal the streaming writer uses (stream-write.ts): the serialiser of one shared string, <si>. */
declare module "exceljs/lib/xlsx/xform/strings/shared-string-xform" {
  export default class SharedStringXform {
    toXml(value: string): string;
  }
}
