/**
 * 汇总: pick or drop the branches' workbooks, watch them being read (one line per file), preview the ranking and the
 * problems, choose the ranking style, then 生成汇总表 writes 汇总/统计/问题清单 (with the band chart) into this workbook,
 * replacing only the sheets an earlier run made.
 */
import { useCallback, useState } from "react";
import {
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SpreadsheetHost } from "../../../hosts/types";
import type { RankStyle } from "../../../rubric/types";
import type { Summary } from "../../../summary/types";
import { t } from "../../../i18n";
import { formatPoints } from "../../shared/format";
import { describeHostError } from "../../shared/host-errors";
import type { HostErrorDescription } from "../../shared/host-errors";
import { addPicked } from "./picked-files";
import type { Picked } from "./picked-files";
import { loadCompiler } from "./load-compiler";
import { useCompileRun } from "./use-compile-run";
import type { WrittenSummary } from "./write-summary";
import { writeSummary } from "./write-summary";
import { FileLines } from "./FileLines";
import { FilePicker } from "./FilePicker";
import { ProblemsPreview } from "./ProblemsPreview";
import { RankingPreview } from "./RankingPreview";
import { SUMMARY_DOCUMENT_FILES } from "../../../documents/document-files";
import type { SummaryDocumentFile } from "../../../documents/document-files";
import { downloadBlob } from "../../shared/download";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

type WriteStatus =
  | { state: "idle" }
  | { state: "writing" }
  | { state: "written"; written: WrittenSummary; sheets: string[]; active: string }
  | { state: "failed"; error: HostErrorDescription };

function headline(summary: Summary): string {
  const { stats } = summary;
  return t("summary.headline", {
    scheme: summary.scheme.shortTitle,
    period: summary.period === "" ? "" : `（${summary.period}）`,
    count: stats.count,
    mean: stats.mean === null ? "—" : formatPoints(stats.mean),
    // passRate has 4 decimals, so ×100 printed to 2 decimals is exact
    passRate: stats.passRate === null ? "—" : `${formatPoints(stats.passRate * 100)}%`,
  });
}

export function SummaryView({ host }: { host: SpreadsheetHost }) {
  const styles = useStyles();
  const [picked, setPicked] = useState<Picked<File>[]>([]);
  const [rank, setRank] = useState<RankStyle | undefined>(undefined);
  const [write, setWrite] = useState<WriteStatus>({ state: "idle" });
  const [documents, setDocuments] = useState<{ making: SummaryDocumentFile | null; failed: SummaryDocumentFile | null }>({ making: null, failed: null });
  const run = useCompileRun(picked, rank);

  const addFiles = useCallback((files: File[]) => {
    setPicked((current) => addPicked(current, files));
    setWrite({ state: "idle" });
  }, []);

  const clear = () => {
    setPicked([]);
    setWrite({ state: "idle" });
  };

  const summary = run.state === "done" ? run.outcome.summary : null;
  const scheme = run.state === "done" ? run.outcome.scheme : null;
  const busy = run.state === "loading" || run.state === "reading" || write.state === "writing";

  const generate = async () => {
    if (!summary) return;
    setWrite({ state: "writing" });
    try {
      const compiler = await loadCompiler();
      const plan = compiler.summaryPlan(summary);
      const written = await writeSummary(host, plan, new Date().toISOString());
      const sheets = plan.sheets.map((sheet) => written.names[sheet.name] ?? sheet.name);
      setWrite({ state: "written", written, sheets, active: written.names[plan.activate] ?? plan.activate });
    } catch (error) {
      setWrite({ state: "failed", error: describeHostError(error) });
    }
  };

  /** 结果通报.docx / 公示名单.docx made in the browser from this summary, handed over as a download */
  const download = async (file: SummaryDocumentFile) => {
    if (!summary) return;
    setDocuments({ making: file, failed: null });
    try {
      const compiler = await loadCompiler();
      downloadBlob(await compiler.documentBlob(summary, file), file);
      setDocuments({ making: null, failed: null });
    } catch {
      setDocuments({ making: null, failed: file });
    }
  };

  return (
    <div className={styles.view}>
      <Text>{t("summary.intro")}</Text>
      <FilePicker onFiles={addFiles} disabled={write.state === "writing"} />
      <Field label={t("summary.rank")}>
        <RadioGroup
          layout="horizontal"
          value={rank ?? summary?.rankStyle ?? "dense"}
          onChange={(_event, data) => setRank(data.value as RankStyle)}
        >
          <Radio value="dense" label={t("summary.rank.dense")} />
          <Radio value="competition" label={t("summary.rank.competition")} />
        </RadioGroup>
      </Field>
      {run.state === "loading" && <Spinner size="tiny" label={t("summary.loading")} />}
      {run.state !== "idle" && (
        <FileLines lines={run.lines} progress={run.state === "reading" ? { done: run.done, total: run.total } : null} />
      )}
      {run.state === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t("summary.failed", { detail: run.message })}</MessageBarBody>
        </MessageBar>
      )}
      {run.state === "done" && !summary && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("summary.nothing")}</MessageBarBody>
        </MessageBar>
      )}
      {summary && scheme && (
        <>
          <Divider />
          <Text weight="semibold" data-testid="summary-headline">
            {headline(summary)}
          </Text>
          <RankingPreview summary={summary} bands={scheme.bands} />
          <ProblemsPreview problems={summary.problems} files={run.state === "done" ? run.outcome.files : []} />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void generate()}>
              {t("summary.generate")}
            </Button>
            <Button disabled={busy} onClick={clear}>
              {t("summary.clear")}
            </Button>
            {write.state === "writing" && <Spinner size="tiny" label={t("summary.generating")} />}
          </div>
          <div className={styles.actions} data-testid="summary-documents">
            <Caption1>{t("summary.documents")}</Caption1>
            {SUMMARY_DOCUMENT_FILES.map((file) => (
              <Button key={file} size="small" disabled={busy || documents.making !== null} onClick={() => void download(file)}>
                {t("summary.download", { file })}
              </Button>
            ))}
            {documents.making !== null && <Spinner size="tiny" label={t("summary.downloading", { file: documents.making })} />}
          </div>
          {documents.failed !== null && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{t("summary.downloadFailed", { file: documents.failed })}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {run.state === "done" && !summary && (
        <div className={styles.actions}>
          <Button onClick={clear}>{t("summary.clear")}</Button>
        </div>
      )}
      {write.state === "written" && <WrittenMessage status={write} />}
      {write.state === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t(write.error.key, { detail: write.error.detail })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function WrittenMessage({ status }: { status: Extract<WriteStatus, { state: "written" }> }) {
  const { written } = status;
  const quoted = (names: string[]) => names.map((name) => `“${name}”`).join("、");
  return (
    <MessageBar intent={written.notices.length > 0 ? "warning" : "success"} layout="multiline" data-testid="summary-written">
      <MessageBarBody>
        <div>{t("summary.generated", { sheets: quoted(status.sheets), active: status.active })}</div>
        {written.replaced.length > 0 && <div>{t("summary.replaced", { sheets: quoted(written.replaced) })}</div>}
        {written.notices.length > 0 && (
          <div>
            <MessageBarTitle>{t("summary.notices")}</MessageBarTitle>
            <ul>
              {written.notices.map((notice) => (
                <li key={notice}>
                  <Caption1>{notice}</Caption1>
                </li>
              ))}
            </ul>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
