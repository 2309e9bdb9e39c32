import { bandColour } from "../../src/taskpane/shared/band-colour";
import { VETOED_BAND } from "../../src/scoring/types";
import { sampleScheme } from "./fixtures";

describe("bandColour", () => {
  const bands = sampleScheme.bands; // 好, 较好, 一般, 较差

  test("colour follows the band's rank, best green, worst severe", () => {
    expect(["好", "较好", "一般", "较差"].map((band) => bandColour(band, bands))).toEqual([
      "success",
      "brand",
      "warning",
      "severe",
    ]);
  });

  test("不得参评 is red whatever the scheme", () => {
    expect(bandColour(VETOED_BAND, bands)).toBe("danger");
    expect(bandColour("不得参评", [])).toBe("danger");
  });

  test("custom band names work by position; unknown names are neutral", () => {
    const twoBands = [
      { name: "达标", min: 80 },
      { name: "不达标", min: 0 },
    ];
    expect(bandColour("达标", twoBands)).toBe("success");
    expect(bandColour("不达标", twoBands)).toBe("severe");
    expect(bandColour("优秀", twoBands)).toBe("informative");
  });
});
