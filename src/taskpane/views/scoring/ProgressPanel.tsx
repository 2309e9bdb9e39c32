import { Field, ProgressBar, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../../i18n";
import { fraction } from "./progress";
import type { Progress } from "./progress";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 填写进度: required inputs filled, and rules looked at. */
export function ProgressPanel({ progress }: { progress: Progress }) {
  const styles = useStyles();
  return (
    <section className={styles.panel}>
      <Subtitle2>{t("scoring.progress")}</Subtitle2>
      <Field label={t("scoring.progressRequired", { filled: progress.required.filled, needed: progress.required.of })}>
        <ProgressBar value={fraction(progress.required)} />
      </Field>
      <Field label={t("scoring.progressRules", { filled: progress.rules.filled, total: progress.rules.of })}>
        <ProgressBar value={fraction(progress.rules)} />
      </Field>
    </section>
  );
}
