/** Says which features this Excel reduces (older than ExcelApi 1.9), and what the user gets instead. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { HostCapabilities } from "../../../hosts/types";
import { t } from "../../../i18n";
import { describedFeatures } from "./feature-text";

export function FeatureNotice({ capabilities }: { capabilities: HostCapabilities }) {
  const reduced = describedFeatures(capabilities.features).filter((feature) => !feature.on);
  if (reduced.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="feature-notice">
      <MessageBarBody>
        <MessageBarTitle>{t("features.reduced", { minor: capabilities.excelApiMinor })}</MessageBarTitle>
        <ul>
          {reduced.map((feature) => (
            <li key={feature.name}>
              {t(feature.label)}：{t(feature.reduced)}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
