import type { SpreadsheetHost } from "../../../hosts/types";
import { LiveScoring } from "./LiveScoring";

/** The 评分 tab as App's `renderScoring` prop: the live controller and its view. */
export function renderLiveScoring(host: SpreadsheetHost) {
  return <LiveScoring host={host} />;
}
