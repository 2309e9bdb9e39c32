import { CellEditModeError, OfficeHostError } from "../../src/hosts/office/errors";
import { HostError } from "../../src/hosts/types";
import { formatPoints } from "../../src/taskpane/shared/format";
import { describeHostError } from "../../src/taskpane/shared/host-errors";
import { isDarkBackground } from "../../src/taskpane/app/office-theme";
import { defaultSchemeId, summarizeScheme } from "../../src/taskpane/views/templates/scheme-summary";
import { sampleScheme } from "./fixtures";

describe("formatPoints", () => {
  test("prints hundredths without trailing zeros", () => {
    expect([90, 87.5, 0.05, 99.99, 0, 12.3].map(formatPoints)).toEqual(["90", "87.5", "0.05", "99.99", "0", "12.3"]);
  });
  test("values carried as the nearest double to two decimals print exactly", () => {
    expect(formatPoints(0.1 + 0.2)).toBe("0.3"); // 0.30000000000000004 in binary
    expect(formatPoints(1.15)).toBe("1.15"); // stored as 1.149999…
  });
});

describe("describeHostError", () => {
  test("recognises a host's cell-edit mode by its kind, as retryable; never by an Office error code", () => {
    expect(describeHostError(new HostError("cell-edit-mode", "x"))).toEqual({ key: "error.cellEditMode", detail: "", retryable: true });
    // an Office code that did not pass through the Office host is just an error to show
    expect(describeHostError({ code: "InvalidOperationInCellEditMode", message: "x" })).toEqual({ key: "error.generic", detail: "x", retryable: false });
  });
  test("anything else keeps its message", () => {
    expect(describeHostError(new Error("工作表已存在"))).toEqual({ key: "error.generic", detail: "工作表已存在", retryable: false });
    expect(describeHostError("boom").detail).toBe("boom");
  });
});

describe("isDarkBackground", () => {
  test("Office's dark and black themes are dark, white and colorful are not", () => {
    expect(isDarkBackground("#262626")).toBe(true);
    expect(isDarkBackground("000000")).toBe(true);
    expect(isDarkBackground("#FFFFFF")).toBe(false);
    expect(isDarkBackground("#E6E6E6")).toBe(false);
  });
  test("unknown colours mean light", () => {
    expect(isDarkBackground(undefined)).toBe(false);
    expect(isDarkBackground("dark")).toBe(false);
  });
});

describe("summarizeScheme", () => {
  test("counts sections, indicators and vetoes from the rubric", () => {
    expect(summarizeScheme(sampleScheme)).toEqual({
      id: "sample",
      title: "示例党支部考评方案",
      shortTitle: "示例",
      subject: "branch",
      sectionCount: 2,
      indicatorCount: 4,
      vetoCount: 1,
      max: 100,
      defaultAllocation: true,
      defaults: [],
      raters: ["self", "org"],
      headerFields: [],
    });
  });
  test("carries the scheme's own header fields for the form", () => {
    const field = { key: "branch", label: "所在党支部", prompt: "书记所在的党支部" };
    expect(summarizeScheme({ ...sampleScheme, headerFields: [field] }).headerFields).toEqual([field]);
  });
  test("a scheme listing no raters offers all three", () => {
    expect(summarizeScheme({ ...sampleScheme, raters: [] }).raters).toEqual(["self", "mass", "org"]);
  });
});

describe("describeHostError with the office host's own errors", () => {
  test("CellEditModeError is retryable, other OfficeHostErrors show their Chinese message", () => {
    expect(describeHostError(new CellEditModeError("编辑中")).retryable).toBe(true);
    const other = new OfficeHostError("ItemNotFound", "找不到指定的工作表");
    expect(describeHostError(other)).toEqual({ key: "error.generic", detail: "找不到指定的工作表", retryable: false });
  });
  test("the office host maps Office error codes onto host-neutral kinds", () => {
    expect(new CellEditModeError("编辑中").kind).toBe("cell-edit-mode");
    expect(new OfficeHostError("ItemNotFound", "").kind).toBe("not-found");
    expect(new OfficeHostError("AccessDenied", "").kind).toBe("access-denied");
    expect(new OfficeHostError("ApiNotFound", "").kind).toBe("api-missing");
    expect(new OfficeHostError("InvalidPlan", "").kind).toBe("invalid");
    expect(new OfficeHostError("GeneralException", "").kind).toBe("other");
    expect(new OfficeHostError("constructor", "").kind).toBe("other");
    expect(new OfficeHostError("ItemNotFound", "")).toBeInstanceOf(HostError);
  });
});

describe("defaultSchemeId", () => {
  test("prefers a scheme with official points, else the first, else none", () => {
    const defaults = summarizeScheme({ ...sampleScheme, id: "defaults" });
    const official = summarizeScheme({ ...sampleScheme, id: "official", defaultAllocation: false });
    expect(defaultSchemeId([defaults, official])).toBe("official");
    expect(defaultSchemeId([defaults, { ...defaults, id: "other" }])).toBe("defaults");
    expect(defaultSchemeId([])).toBe("");
  });
});
