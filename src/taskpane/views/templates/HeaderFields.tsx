import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { RaterKind, SubjectKind } from "../../../rubric/types";
import { t } from "../../../i18n";
import type { HeaderForm } from "./header-form";
import { isPeriodValid } from "./header-form";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface HeaderFieldsProps {
  subjectKind: SubjectKind;
  raters: RaterKind[];
  value: HeaderForm;
  onChange(value: HeaderForm): void;
}

/** 表头信息: 支部名称/书记姓名, 所属党组织, 考核年度, 评价方, 评分人. */
export function HeaderFields({ subjectKind, raters, value, onChange }: HeaderFieldsProps) {
  const styles = useStyles();
  const set = <K extends keyof HeaderForm>(key: K, next: HeaderForm[K]) => onChange({ ...value, [key]: next });
  const periodValid = isPeriodValid(value.period);
  return (
    <div className={styles.fields}>
      <Field
        label={t(subjectKind === "branch" ? "templates.subjectName.branch" : "templates.subjectName.secretary")}
        hint={t("templates.optional")}
      >
        <Input value={value.subject} onChange={(_e, data) => set("subject", data.value)} />
      </Field>
      <Field label={t("templates.org")}>
        <Input value={value.org} onChange={(_e, data) => set("org", data.value)} />
      </Field>
      <Field
        label={t("templates.period")}
        validationState={periodValid ? "none" : "error"}
        validationMessage={periodValid ? undefined : t("templates.periodInvalid")}
      >
        <Input value={value.period} onChange={(_e, data) => set("period", data.value)} />
      </Field>
      <Field label={t("templates.rater")}>
        <Select value={value.rater} onChange={(_e, data) => set("rater", data.value as RaterKind)}>
          {raters.map((rater) => (
            <option key={rater} value={rater}>
              {t(`rater.${rater}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("templates.evaluator")}>
        <Input value={value.evaluator} onChange={(_e, data) => set("evaluator", data.value)} />
      </Field>
    </div>
  );
}
