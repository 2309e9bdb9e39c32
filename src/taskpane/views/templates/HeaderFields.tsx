import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { HeaderField, RaterKind, SubjectKind } from "../../../rubric/types";
import { t } from "../../../i18n";
import type { HeaderForm } from "./header-form";
import { isPeriodValid } from "./header-form";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface HeaderFieldsProps {
  subjectKind: SubjectKind;
  raters: RaterKind[];
  /** the scheme's own header fields, shown after 评分人 with their own labels (rubric data, like section titles) */
  fields?: HeaderField[];
  value: HeaderForm;
  onChange(value: HeaderForm): void;
}

/** 表头信息: 支部名称/书记姓名, 所属党组织, 考核年度, 评价方, 评分人, then the scheme's own (所在党支部, 申请评定 …). */
export function HeaderFields({ subjectKind, raters, fields = [], value, onChange }: HeaderFieldsProps) {
  const styles = useStyles();
  const set = <K extends keyof HeaderForm>(key: K, next: HeaderForm[K]) => onChange({ ...value, [key]: next });
  const setExtra = (key: string, next: string) => onChange({ ...value, extra: { ...value.extra, [key]: next } });
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
      {fields.map((field) => (
        <Field key={field.key} label={field.label} hint={field.prompt}>
          {field.choices ? (
            <Select value={value.extra?.[field.key] ?? ""} onChange={(_e, data) => setExtra(field.key, data.value)}>
              <option value="">{t("templates.notChosen")}</option>
              {field.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </Select>
          ) : (
            <Input value={value.extra?.[field.key] ?? ""} onChange={(_e, data) => setExtra(field.key, data.value)} />
          )}
        </Field>
      ))}
    </div>
  );
}
