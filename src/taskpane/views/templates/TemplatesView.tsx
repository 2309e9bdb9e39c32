import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SpreadsheetHost } from "../../../hosts/types";
import type { Scheme } from "../../../rubric/types";
import { planTemplate } from "../../../sheet/planner";
import { t } from "../../../i18n";
import { emptyHeaderForm, headerToMeta, isPeriodValid } from "./header-form";
import type { HeaderForm } from "./header-form";
import { describeHostError } from "../../shared/host-errors";
import type { HostErrorDescription } from "../../shared/host-errors";
import { defaultSchemeId, summarizeScheme } from "./scheme-summary";
import { HeaderFields } from "./HeaderFields";
import { RosterPicker } from "./RosterPicker";
import { SchemeCard } from "./SchemeCard";
import { formForEntry, readWorkbookRoster, type WorkbookRoster } from "./workbook-roster";
import type { RosterEntry } from "../../../roster/roster";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

type InsertStatus =
  | { state: "idle" }
  | { state: "inserting" }
  | { state: "inserted"; sheet: string; notices: string[] }
  | { state: "failed"; error: HostErrorDescription };

export interface TemplatesViewProps {
  host: SpreadsheetHost;
  schemes: Scheme[];
}

/** 评分表: pick a scheme, fill the header, insert the scoring sheet (planner → host.applyPlan). */
export function TemplatesView({ host, schemes }: TemplatesViewProps) {
  const styles = useStyles();
  const summaries = useMemo(() => schemes.map(summarizeScheme), [schemes]);
  const [selectedId, setSelectedId] = useState(() => defaultSchemeId(summaries));
  const selected = summaries.find((summary) => summary.id === selectedId) ?? summaries[0];
  const [form, setForm] = useState<HeaderForm>(() => emptyHeaderForm(new Date(), selected?.raters ?? []));
  const [status, setStatus] = useState<InsertStatus>({ state: "idle" });
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [roster, setRoster] = useState<WorkbookRoster>({ kind: "none" });
  const [picked, setPicked] = useState<RosterEntry | null>(null);

  // a 党支部名单 sheet in the workbook offers its branches (read once when the view opens; a failure just offers none)
  useEffect(() => {
    let live = true;
    readWorkbookRoster(host).then(
      (found) => live && setRoster(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);

  const pick = (entry: RosterEntry, summary = selected) => {
    if (!summary) return;
    setPicked(entry);
    setForm((current) => formForEntry(current, entry, summary.subject, summary.headerFields));
  };

  /** typing another name or org over a picked branch drops its id: the sheet must not claim a branch it no longer names */
  const edit = (next: HeaderForm) => {
    if (picked && (next.subject !== form.subject || next.org !== form.org)) {
      setPicked(null);
      setForm({ ...next, subjectId: undefined });
      return;
    }
    setForm(next);
  };

  // the outcome appears below the cards and the form: bring it into a narrow pane's view
  useEffect(() => {
    if (status.state === "inserted" || status.state === "failed") outcomeRef.current?.scrollIntoView({ block: "nearest" });
  }, [status]);

  const select = (id: string) => {
    setSelectedId(id);
    const raters = summaries.find((summary) => summary.id === id)?.raters ?? [];
    // keep what was typed; only a rater the new scheme does not have is replaced
    setForm((current) => (current.rater !== "" && raters.includes(current.rater) ? current : { ...current, rater: raters[0] ?? "" }));
    // a picked branch names its 书记 for a scheme about secretaries, the branch otherwise
    const summary = summaries.find((candidate) => candidate.id === id);
    if (picked && summary) pick(picked, summary);
  };

  const insert = async () => {
    const scheme = schemes.find((candidate) => candidate.id === selected?.id);
    if (!scheme || !selected) return;
    setStatus({ state: "inserting" });
    try {
      const plan = planTemplate(scheme, headerToMeta(form, selected.raters, selected.headerFields));
      const applied = await host.applyPlan(plan);
      setStatus({ state: "inserted", sheet: applied.names[plan.activate] ?? plan.activate, notices: applied.notices });
    } catch (error) {
      setStatus({ state: "failed", error: describeHostError(error) });
    }
  };

  if (!selected) return null;
  const busy = status.state === "inserting";
  return (
    <div className={styles.view}>
      <Text>{t("templates.intro")}</Text>
      <div className={styles.cards} role="group" aria-label={t("tab.templates")}>
        {summaries.map((summary) => (
          <SchemeCard key={summary.id} summary={summary} selected={summary.id === selected.id} onSelect={select} />
        ))}
      </div>
      <Subtitle2>{t("templates.header")}</Subtitle2>
      {roster.kind === "roster" && (
        <RosterPicker sheet={roster.sheet} entries={roster.entries} subjectKind={selected.subject} picked={picked} onPick={(entry) => pick(entry)} />
      )}
      {roster.kind === "invalid" && (
        <MessageBar intent="warning" layout="multiline" data-testid="roster-invalid">
          <MessageBarBody>
            <MessageBarTitle>{t("templates.roster.invalid", { sheet: roster.sheet })}</MessageBarTitle>
            <ul>
              {roster.errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <HeaderFields subjectKind={selected.subject} raters={selected.raters} fields={selected.headerFields} value={form} onChange={edit} />
      <Button appearance="primary" disabled={busy || !isPeriodValid(form.period)} onClick={() => void insert()}>
        {t("templates.insert")}
      </Button>
      {busy && <Spinner size="tiny" label={t("templates.inserting")} />}
      <div ref={outcomeRef}>
        {status.state === "inserted" && (
          <MessageBar intent={status.notices.length > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <div>{t("templates.inserted", { sheet: status.sheet })}</div>
              {status.notices.length > 0 && (
                <div>
                  <MessageBarTitle>{t("templates.notices")}</MessageBarTitle>
                  <ul>
                    {status.notices.map((notice) => (
                      <li key={notice}>{notice}</li>
                    ))}
                  </ul>
                </div>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {status.state === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t(status.error.key, { detail: status.error.detail })}</MessageBarBody>
            {status.error.retryable && (
              <MessageBarActions>
                <Button size="small" onClick={() => void insert()}>
                  {t("error.retry")}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
    </div>
  );
}
