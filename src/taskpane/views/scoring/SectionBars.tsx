import { Caption1, Field, ProgressBar, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { SectionResult } from "../../../scoring/types";
import { t } from "../../../i18n";
import { formatPoints } from "../../shared/format";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** One bar per 一级指标: score out of its points. */
export function SectionBars({ sections }: { sections: readonly SectionResult[] }) {
  const styles = useStyles();
  return (
    <section className={styles.list}>
      <Subtitle2>{t("scoring.sections")}</Subtitle2>
      {sections.map((section) => (
        <Field
          key={section.code}
          label={`${section.code} ${section.title}`}
          hint={
            <Caption1>
              {t("scoring.sectionScore", { score: formatPoints(section.score), points: formatPoints(section.points) })}
            </Caption1>
          }
        >
          <ProgressBar
            thickness="large"
            value={section.points > 0 ? section.score / section.points : 0}
            color={section.score >= section.points ? "success" : "brand"}
          />
        </Field>
      ))}
    </section>
  );
}
