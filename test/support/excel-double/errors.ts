/** Errors shaped like Office.js's OfficeExtension.Error: a `code` string plus debugInfo. */

export type DoubleErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded";

export class DoubleOfficeError extends Error {
  readonly code: DoubleErrorCode;
  readonly debugInfo: { code: DoubleErrorCode; message: string; errorLocation?: string };

  constructor(code: DoubleErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function fail(code: DoubleErrorCode, message: string, errorLocation?: string): never {
  throw new DoubleOfficeError(code, message, errorLocation);
}

export function propertyNotLoaded(property: string): never {
  fail(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
  );
}
