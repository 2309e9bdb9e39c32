/**
 * The rubric file format (JSON) as a zod schema. Parsing yields a `Scheme`: optional fields get the defaults of
 * rubrics.md, omitted rule and veto codes are generated. The schema checks structure only; arithmetic and
 * consistency (sums, steps, bounds) are ./check.ts, so every problem gets a message naming its place.
 */
import { z } from "zod";
import { DEFAULT_WHAT, bandsText } from "./defaults";
import type { Band, Indicator, PassLine, RaterKind, Rule, RuleKind, Scheme, Section, Veto } from "./types";

export const DEFAULT_BANDS: readonly Band[] = [
  { name: "好", min: 90 },
  { name: "较好", min: 80 },
  { name: "一般", min: 70 },
  { name: "较差", min: 0 },
];
const DEFAULT_PASS_LINE: Readonly<PassLine> = { minTotal: 80, noVeto: true };
const DEFAULT_RATERS: readonly RaterKind[] = ["self", "mass", "org"];
const DEFAULT_MAX = 100;

const text = z.string().trim().min(1);
const amount = z.number();

const ruleBase = {
  /** omitted: generated as indicator code + "-" + ordinal */
  code: text.optional(),
  text,
  step: amount.optional(),
  cap: amount.optional(),
};

const ruleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...ruleBase, kind: z.literal("fixed"), amount }),
  z.strictObject({ ...ruleBase, kind: z.literal("range"), min: amount, max: amount }),
  z.strictObject({ ...ruleBase, kind: z.literal("fixed-each"), amount, unit: text }),
  z.strictObject({ ...ruleBase, kind: z.literal("range-each"), min: amount, max: amount, unit: text }),
  z.strictObject({ ...ruleBase, kind: z.literal("discretionary") }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal("count"),
    measure: text,
    required: amount,
    unit: text,
    mode: z.enum(["per-unit", "all-or-nothing"]),
    amount,
    per: amount.optional(),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal("award") }),
  z.strictObject({ ...ruleBase, kind: z.literal("convert"), rawMax: amount, points: amount, measure: text }),
]);

/** Every RuleKind, each naming its schema's kind: the type checker rejects this table until a new kind has a schema above. */
const SCHEMA_KINDS: { [K in RuleKind]: z.output<typeof ruleSchema>["kind"] & K } = {
  fixed: "fixed",
  range: "range",
  "fixed-each": "fixed-each",
  "range-each": "range-each",
  discretionary: "discretionary",
  count: "count",
  award: "award",
  convert: "convert",
};
export const RULE_KINDS: readonly RuleKind[] = Object.values(SCHEMA_KINDS);

const indicatorSchema = z
  .strictObject({
    code: text,
    title: text,
    points: amount,
    content: z.array(text).default([]),
    evidence: z.string().default(""),
    rules: z.array(ruleSchema).min(1),
  })
  .transform(
    (indicator): Indicator => ({
      ...indicator,
      rules: indicator.rules.map(
        (rule, index): Rule => ({ ...rule, code: rule.code ?? `${indicator.code}-${index + 1}` }) as Rule,
      ),
    }),
  );

export const sectionSchema = z.strictObject({
  code: text,
  title: text,
  points: amount,
  indicators: z.array(indicatorSchema).min(1),
}) satisfies z.ZodType<Section>;

const vetoSchema = z.strictObject({ code: text.optional(), text });
const raterSchema = z.enum(["self", "mass", "org"]);

const yearTargetSchema = z.strictObject({
  year: z.number().int(),
  passRate: amount.optional(),
  modelShares: z.record(z.string(), amount).optional(),
  modelCounts: z.record(z.string(), amount).optional(),
});

export const rubricFileSchema = z
  .strictObject({
    /** lets editors offer completion; ignored */
    $schema: z.string().optional(),
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "编号只能包含字母、数字、点、下划线和连字符 (id: letters, digits, . _ -)"),
    title: text,
    shortTitle: text.optional(),
    version: text,
    subject: z.enum(["branch", "secretary"]).default("branch"),
    source: z.string().default(""),
    defaultAllocation: z.boolean().default(false),
    notes: z.array(text).default([]),
    max: amount.default(DEFAULT_MAX),
    sections: z.array(sectionSchema).min(1),
    vetoes: z.array(vetoSchema).default([]),
    bands: z.array(z.strictObject({ name: text, min: amount })).min(1).optional(),
    passLine: z
      .strictObject({
        minTotal: amount.default(DEFAULT_PASS_LINE.minTotal),
        noVeto: z.boolean().default(DEFAULT_PASS_LINE.noVeto),
        sections: z.array(text).min(1).optional(),
      })
      .optional(),
    defaults: z.array(z.strictObject({ what: text, value: text, reason: text })).default([]),
    raters: z.array(raterSchema).min(1).default(() => [...DEFAULT_RATERS]),
    headerFields: z
      .array(
        z.strictObject({
          key: z.string().regex(/^[a-z]+$/, "表头字段键只能是小写字母 (header field key: lowercase letters)"),
          label: text,
          choices: z.array(text).min(1).optional(),
          prompt: text,
        }),
      )
      .default([]),
    weights: z.partialRecord(raterSchema, amount).optional(),
    quota: z
      .strictObject({
        recommendShare: amount,
        rounding: z.literal("floor").default("floor"),
        excludeNamed: z.boolean().default(true),
        base: z.enum(["participants", "passing"]).optional(),
      })
      .optional(),
    targets: z.array(yearTargetSchema).optional(),
    ranking: z.enum(["dense", "competition"]).default("dense"),
    ballot: z
      .strictObject({
        levels: z.array(text).min(2).optional(),
        goodLevels: z.array(text).min(1).optional(),
        satisfiedLevels: z.array(text).min(1).optional(),
        quorum: z.strictObject({ numerator: z.number().int().positive(), denominator: z.number().int().positive() }).optional(),
        blankBallotInvalid: z.boolean().optional(),
        weights: z.record(z.string(), amount).optional(),
        rateRule: text.optional(),
      })
      .optional(),
  })
  .transform(({ $schema: _ignored, ...file }): Scheme => {
    const vetoes: Veto[] = file.vetoes.map((veto, index) => ({ code: veto.code ?? `V${index + 1}`, text: veto.text }));
    // what the file leaves out is ours, and says so like the built-ins' own defaults
    const defaults = [...file.defaults];
    const add = (what: string, value: string, reason: string) => {
      if (!defaults.some((entry) => entry.what === what)) defaults.push({ what, value, reason });
    };
    if (file.defaultAllocation) add(DEFAULT_WHAT.points, "各项分值由本工具拟定", "原文未给分值，可按本单位实际调整");
    if (!file.bands) add(DEFAULT_WHAT.bands, bandsText(DEFAULT_BANDS), "原文未规定等次，取本工具默认");
    if (!file.passLine) add(DEFAULT_WHAT.passLine, `总分≥${DEFAULT_PASS_LINE.minTotal}分且无否决项`, "原文未规定达标线，取本工具默认");
    return {
      ...file,
      bands: file.bands ?? DEFAULT_BANDS.map((band) => ({ ...band })),
      passLine: file.passLine ?? { ...DEFAULT_PASS_LINE },
      defaults,
      shortTitle: file.shortTitle ?? file.title,
      vetoes,
    };
  });

/** What a rubric file (or a built-in declaration) may contain: the Scheme with optional fields and codes omitted. */
export type RubricFile = z.input<typeof rubricFileSchema>;
