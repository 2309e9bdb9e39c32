/** The UI strings naming each host feature and saying what the user gets without it. */
import type { HostFeature } from "../../../hosts/types";
import type { MessageKey } from "../../../i18n";

const FEATURE_KEYS: Record<string, { label: MessageKey; reduced: MessageKey }> = {
  dataValidation: { label: "feature.dataValidation", reduced: "feature.dataValidation.reduced" },
  enableEvents: { label: "feature.enableEvents", reduced: "feature.enableEvents.reduced" },
  rangeAreas: { label: "feature.rangeAreas", reduced: "feature.rangeAreas.reduced" },
  pageLayout: { label: "feature.pageLayout", reduced: "feature.pageLayout.reduced" },
  workbookChangeEvents: { label: "feature.workbookChangeEvents", reduced: "feature.workbookChangeEvents.reduced" },
};

/** The features this pane knows how to describe, with their strings (a feature a newer host adds is left out). */
export function describedFeatures(features: readonly HostFeature[] | undefined): (HostFeature & { label: MessageKey; reduced: MessageKey })[] {
  return (features ?? []).flatMap((feature) => {
    const keys = FEATURE_KEYS[feature.name];
    return keys ? [{ ...feature, ...keys }] : [];
  });
}
