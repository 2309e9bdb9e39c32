/**
 * What the harness renders beside the grid, by `options.pane`. "taskpane" is the production composition of
 * src/taskpane/index.tsx (keep the two in step); add an entry here for a view that needs a page of its own.
 */
import type { ReactNode } from "react";
import type { SpreadsheetHost } from "../../../src/hosts/types";
import { builtInSchemes } from "../../../src/rubric/catalogue";
import { App } from "../../../src/taskpane/app/App";
import { renderLiveScoring } from "../../../src/taskpane/views/scoring/render";

export const PANES: Record<string, (host: SpreadsheetHost) => ReactNode> = {
  taskpane: (host) => <App host={host} schemes={builtInSchemes()} renderScoring={renderLiveScoring} />,
};

export const DEFAULT_PANE = "taskpane";
