/**
 * The rule-kind registry: every kind's inputs, required input, scoring, hint and sheet parameters, one module per
 * kind (see ./README.md for adding one). The table must name every RuleKind, so a new kind without a module does not
 * type-check.
 */
import type { Rule, RuleKind } from "../../rubric/types";
import { award } from "./award";
import { convert } from "./convert";
import { count } from "./count";
import { discretionary } from "./discretionary";
import { fixed } from "./fixed";
import { fixedEach } from "./fixed-each";
import { range } from "./range";
import { rangeEach } from "./range-each";
import type { RuleKindSpec } from "./types";

export type { Contribution } from "./types";

const RULE_KIND_SPECS = {
  fixed,
  range,
  "fixed-each": fixedEach,
  "range-each": rangeEach,
  discretionary,
  count,
  award,
  convert,
} satisfies { [K in RuleKind]: RuleKindSpec<Extract<Rule, { kind: K }>> };

/** The module of the rule's kind. */
export function kindOf<R extends Rule>(rule: R): RuleKindSpec<R> {
  // the table's type ties each key to its own rule type; indexing by a union key loses that link, hence the cast
  return RULE_KIND_SPECS[rule.kind] as unknown as RuleKindSpec<R>;
}
