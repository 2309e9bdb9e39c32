/**
 * Rubric data → Scheme, reporting EVERY problem: all structural problems (with their JSON path), then all
 * self-check messages. Pure (no file access), so the task pane can use it on an uploaded file too.
 */
import { z } from "zod";
import { checkScheme, checkSection } from "./check";
import { RULE_KINDS, rubricFileSchema, sectionSchema } from "./schema";
import type { Scheme } from "./types";

export interface RubricParseResult {
  /** null whenever there is at least one error */
  scheme: Scheme | null;
  errors: string[];
}

const chineseMessages = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  boolean: "true/false",
  array: "列表 [...]",
  object: "对象 {...}",
  null: "null",
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** zod's Chinese messages, made precise where they are vague or mixed-language for a rubric author. */
const rubricErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return "缺少必填项";
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    const received = typeOf(issue.input);
    return `应为${expected}，实际为${TYPE_NAMES[received] ?? received}`;
  }
  if (issue.code === "too_small" && issue.origin === "array") return `至少需要 ${String(issue.minimum)} 项`;
  if (issue.code === "too_small" && issue.origin === "string") return "不能为空";
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "kind") {
    return `规则类型 kind 应为以下之一：${RULE_KINDS.join("、")}`;
  }
  return chineseMessages(issue);
};

/** sections[0].indicators[2].rules[1].amount */
function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : `${text ? "." : ""}${String(key)}`;
  return text || "（顶层）";
}

/**
 * Sections that are well-formed on their own still get their sums checked when another part of the file is
 * broken, so one structural typo does not hide the arithmetic problems.
 */
function checkWellFormedSections(data: unknown): string[] {
  const sections = (data as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) return [];
  return sections.flatMap((section) => {
    const parsed = sectionSchema.safeParse(section);
    return parsed.success ? checkSection(parsed.data) : [];
  });
}

export function parseRubric(data: unknown, source?: string): RubricParseResult {
  const prefix = source ? `${source}：` : "";
  const parsed = rubricFileSchema.safeParse(data, { error: rubricErrorMap });
  if (!parsed.success) {
    const structural = parsed.error.issues.map((issue) => `${prefix}${formatPath(issue.path)}：${issue.message}`);
    const arithmetic = checkWellFormedSections(data).map((message) => `${prefix}${message}`);
    return { scheme: null, errors: [...structural, ...arithmetic] };
  }
  const errors = checkScheme(parsed.data).map((message) => `${prefix}${message}`);
  return { scheme: errors.length === 0 ? parsed.data : null, errors };
}
