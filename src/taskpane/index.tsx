/** Task pane entry: wait for Office, pick language and theme, render the app against the Office host. */
import { createRoot } from "react-dom/client";
import { createOfficeHost } from "../hosts/office/office-host";
import { builtInSchemes } from "../rubric/catalogue";
import { initLanguage } from "../i18n";
import { App } from "./app/App";
import { isDarkBackground } from "./app/office-theme";
import { renderLiveScoring } from "./views/scoring/render";

function officeBackground(): string | undefined {
  // officeTheme is absent in some hosts (and throws in a few older ones)
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

void Office.onReady(() => {
  initLanguage(Office.context?.displayLanguage);
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <App
      host={createOfficeHost()}
      schemes={builtInSchemes()}
      dark={isDarkBackground(officeBackground())}
      renderScoring={renderLiveScoring}
    />,
  );
});
