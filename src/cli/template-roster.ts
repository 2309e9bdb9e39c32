/**
 * `template <scheme> --roster 名单 -o <folder>`: one template per roster branch, written to
 * `<folder>/<所属党组织>/<支部名称>-<自评|考评>.xlsx` with the header filled and the branch's id in `_meta`
 * (`subjectId`). For a scheme about secretaries (四比四看) the subject is the row's 书记 and the branch goes to the
 * 所在党支部 field; a row without 书记 is refused. Existing files are kept (reported) unless --force.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { readRosterFile } from "../batch/roster-file";
import { writePlanToFile } from "../hosts/xlsx/write";
import { rosterExtra, rosterSubject, rowWithoutSecretary, withoutSecretaryMessage, type RosterEntry } from "../roster/roster";
import { RATER_LABELS } from "../rubric/raters";
import type { Scheme } from "../rubric/types";
import type { SubjectMeta } from "../scoring/types";
import { planTemplate } from "../sheet/planner";
import { safeFileName } from "./safe-file-name";

export interface DistributeOutcome {
  status: number;
  written: string[];
  kept: string[];
}

/** Target paths per entry; two names that become the same file name get the branch's id appended. */
function targetPaths(entries: readonly RosterEntry[], folder: string, suffix: string): string[] {
  const taken = new Set<string>();
  return entries.map((entry) => {
    const dir = join(folder, safeFileName(entry.org));
    let path = join(dir, `${safeFileName(entry.subject)}-${suffix}.xlsx`);
    if (taken.has(path.toLowerCase())) path = join(dir, `${safeFileName(entry.subject)}-${safeFileName(entry.id)}-${suffix}.xlsx`);
    taken.add(path.toLowerCase());
    return path;
  });
}

export async function distributeTemplates(
  scheme: Scheme,
  rosterPath: string,
  folder: string,
  base: Partial<SubjectMeta>,
  force: boolean,
): Promise<DistributeOutcome> {
  const read = await readRosterFile(rosterPath);
  if (!read.ok) {
    process.stderr.write(`名单有误，未生成模板：\n${read.errors.map((error) => `  ${error}`).join("\n")}\n`);
    return { status: 1, written: [], kept: [] };
  }
  const unnamed = rowWithoutSecretary(read.roster, scheme.subject);
  if (unnamed) {
    process.stderr.write(`${withoutSecretaryMessage(rosterPath, unnamed, scheme, "评分")}，未生成模板\n`);
    return { status: 1, written: [], kept: [] };
  }
  const rater = base.rater === "" || base.rater === undefined ? "self" : base.rater;
  const entries = read.roster.entries;
  const paths = targetPaths(entries, folder, RATER_LABELS[rater]);
  const written: string[] = [];
  const kept: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const path = paths[i];
    if (existsSync(path) && !force) {
      kept.push(path);
      continue;
    }
    await mkdir(join(path, ".."), { recursive: true });
    const extra = rosterExtra(entry, scheme.subject, scheme.headerFields ?? [], base.extra);
    const meta: Partial<SubjectMeta> = { ...base, rater, subject: rosterSubject(entry, scheme.subject), org: entry.org, subjectId: entry.id, ...(extra ? { extra } : {}) };
    await writePlanToFile(planTemplate(scheme, meta), path);
    written.push(path);
  }
  const lines = [`已按名单“${rosterPath}”生成${RATER_LABELS[rater]}表 ${written.length} 份（${entries.length} 个党支部），在“${folder}”`];
  if (kept.length > 0) lines.push(`已存在、未覆盖 ${kept.length} 份（如需覆盖，请加 --force）：`, ...kept.map((path) => `  ${path}`));
  process.stdout.write(`${lines.join("\n")}\n`);
  return { status: written.length === 0 && kept.length > 0 ? 1 : 0, written, kept };
}
