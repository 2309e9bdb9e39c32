/** `branch-scoring schemes [--json] [--rubric <file.json>]`: list the built-in schemes, or check and list a custom rubric. */
import { ballotRulesOf, type BallotRules } from "../ballot/rules";
import type { Command } from "commander";
import stringWidth from "string-width";
import { padEnd } from "../batch/display-width";
import { builtInSchemes } from "../rubric/catalogue";
import { loadRubricFile } from "../rubric/load";
import type { RaterKind, RuleKind, Scheme, SchemeDefault, SubjectKind } from "../rubric/types";
import { ruleCap, ruleStep } from "../rubric/limits";

/**
 * A rule as listed: code, kind, text, then every parameter its kind has (min, max, amount, unit, measure, required,
 * mode, per, rawMax, points), with cap and step as the engine applies them (the indicator's points, 0.5 by default).
 */
export type RuleListing = { code: string; kind: RuleKind; text: string; cap: number; step: number } & Record<string, unknown>;

/** The `schemes --json` element of contracts.md. Add fields only; never rename. */
export interface SchemeListing {
  id: string;
  title: string;
  version: string;
  subject: SubjectKind;
  max: number;
  sections: {
    code: string;
    title: string;
    points: number;
    indicators: { code: string; title: string; points: number; rules: RuleListing[]; content: string[]; evidence: string }[];
  }[];
  vetoes: { code: string; text: string }[];
  bands: { name: string; min: number }[];
  /** the pass line's minimum total (or, with passLineSections, of those sections' sum) */
  passLine: number;
  // additions
  /** the raters the scheme's procedure uses; templates for others are refused */
  raters: RaterKind[];
  /** header inputs beyond the standard ones (`cell:meta:<key>`) */
  headerFields: { key: string; label: string; choices?: string[] }[];
  /** the 民主测评 counting rules, with `defaults` naming the settings the scheme leaves to this product */
  ballot: BallotRules & { defaults: string[] };
  shortTitle: string;
  source: string;
  /** true when the points are this product's defaults */
  defaultAllocation: boolean;
  notes: string[];
  /** the values this product chose where the source is silent, shown as 默认 wherever users see them */
  defaults: SchemeDefault[];
  /** the sections the pass line applies to, when not the total */
  passLineSections: string[] | null;
  passLineNoVeto: boolean;
  weights: Scheme["weights"] | null;
  quota: Scheme["quota"] | null;
  targets: Scheme["targets"] | null;
  ranking: Scheme["ranking"];
}

function ballotListing(scheme: Scheme): SchemeListing["ballot"] {
  const { rules, defaulted } = ballotRulesOf(scheme);
  return { ...rules, defaults: defaulted };
}

function toListing(scheme: Scheme): SchemeListing {
  return {
    id: scheme.id,
    title: scheme.title,
    version: scheme.version,
    subject: scheme.subject,
    max: scheme.max,
    sections: scheme.sections.map((section) => ({
      code: section.code,
      title: section.title,
      points: section.points,
      indicators: section.indicators.map((indicator) => ({
        code: indicator.code,
        title: indicator.title,
        points: indicator.points,
        rules: indicator.rules.map((rule) => ({ ...rule, code: rule.code, kind: rule.kind, text: rule.text, cap: ruleCap(rule, indicator), step: ruleStep(rule) })),
        content: indicator.content,
        evidence: indicator.evidence,
      })),
    })),
    vetoes: scheme.vetoes.map((veto) => ({ code: veto.code, text: veto.text })),
    bands: scheme.bands.map((band) => ({ name: band.name, min: band.min })),
    passLine: scheme.passLine.minTotal,
    raters: [...scheme.raters],
    headerFields: (scheme.headerFields ?? []).map(({ key, label, choices }) => ({ key, label, ...(choices ? { choices: [...choices] } : {}) })),
    ballot: ballotListing(scheme),
    shortTitle: scheme.shortTitle,
    source: scheme.source,
    defaultAllocation: scheme.defaultAllocation,
    notes: scheme.notes,
    defaults: scheme.defaults,
    passLineSections: scheme.passLine.sections ?? null,
    passLineNoVeto: scheme.passLine.noVeto,
    weights: scheme.weights ?? null,
    quota: scheme.quota ?? null,
    targets: scheme.targets ?? null,
    ranking: scheme.ranking,
  };
}

const SUBJECT_LABELS: Record<SubjectKind, string> = { branch: "党支部", secretary: "党支部书记" };

function renderTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => stringWidth(row[column] ?? ""))));
  return rows.map((row) => row.map((cell, column) => padEnd(cell, widths[column]!)).join("  ").trimEnd()).join("\n");
}

/** An ideographic space between a label and its text. */
const GAP = "\u3000";

/** Each scheme's defaults (默认) and notes: what this product chose where the source is silent, and why. */
function schemeNotes(scheme: Scheme): string {
  const lines = [`${scheme.shortTitle}（${scheme.id}）${GAP}依据：${scheme.source || "（未注明）"}`];
  for (const entry of scheme.defaults) lines.push(`  默认${GAP}${entry.what}：${entry.value}（${entry.reason}）`);
  for (const note of scheme.notes) lines.push(`  说明${GAP}${note}`);
  return lines.join("\n") + "\n";
}

/** `custom`: schemes from a rubric file, whose points are the user's own. */
function formatSchemeTable(schemes: Scheme[], custom = false): string {
  const header = ["编号 id", "名称", "考核对象", "满分", "一级/二级指标", "否决项", "分值来源"];
  const rows = schemes.map((scheme) => [
    scheme.id,
    scheme.shortTitle,
    SUBJECT_LABELS[scheme.subject],
    String(scheme.max),
    `${scheme.sections.length}/${scheme.sections.reduce((count, section) => count + section.indicators.length, 0)}`,
    String(scheme.vetoes.length),
    custom ? "自定义" : scheme.defaultAllocation ? "默认" : "官方",
  ]);
  const footer = custom
    ? ["评分细则检查通过。完整指标与扣分规则：加 --json"]
    : [
        "分值来源“官方”：照录原文分值；“默认”：原文未给分值，由本工具拟定，可按本单位实际调整（用 --rubric 载入自定义评分细则）。",
        "完整指标与扣分规则：branch-scoring schemes --json",
      ];
  return `${renderTable([header, ...rows])}\n\n${schemes.map(schemeNotes).join("\n")}\n${footer.join("\n")}\n`;
}

export function registerSchemes(program: Command): void {
  program
    .command("schemes")
    .description("列出评分方案（内置方案，或用 --rubric 检查并列出自定义评分细则）(list scoring schemes)")
    .option("--json", "以 JSON 输出完整指标与规则 (print JSON)")
    .option("--rubric <file.json>", "检查并列出一个自定义评分细则文件 (check and list a custom rubric file)")
    .action((options: { json?: boolean; rubric?: string }) => {
      let schemes: Scheme[];
      if (options.rubric) {
        const { scheme, errors } = loadRubricFile(options.rubric);
        if (!scheme) {
          process.stderr.write(`评分细则文件 ${options.rubric} 有 ${errors.length} 处问题：\n${errors.map((error) => `  - ${error}`).join("\n")}\n`);
          process.exitCode = 1;
          return;
        }
        schemes = [scheme];
      } else {
        schemes = builtInSchemes();
      }
      process.stdout.write(options.json ? `${JSON.stringify(schemes.map(toListing), null, 2)}\n` : formatSchemeTable(schemes, Boolean(options.rubric)));
    });
}
