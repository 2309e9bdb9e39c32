/** `_meta` cell keys: the hand-written scan reads every string exactly as the rule it states. */
import { parseCellKey } from "../../src/sheet/meta-keys";

test("parseCellKey agrees with the rule `cell:<code on one line>:<lower-case field>` on every short string", () => {
  const fields = ["quantity", "deduction", "award", "raw", "reason", "evidence", "flag", "score"];
  // the rule as the regular expression parseCellKey once was
  const byRule = (key: string) => {
    const match = /^cell:(.+):([a-z]+)$/.exec(key.trim());
    if (!match) return null;
    const [, code, field] = match;
    if (code === "meta") return { kind: "meta", key: field };
    return fields.includes(field) ? { kind: "item", code, field } : null;
  };
  const alphabet = [":", "a", "Z", "1", "-", " ", "\n", "\u2028", "\u3000"];
  const differing: string[] = [];
  const check = (key: string) => {
    if (JSON.stringify(parseCellKey(key)) !== JSON.stringify(byRule(key))) differing.push(key);
  };
  let tails = [""];
  for (let length = 0; length <= 4; length++) {
    for (const tail of tails) for (const head of ["", "cell:", " cell:", "cell:meta", "cell:1.1-2", "Cell:"]) check(head + tail);
    tails = tails.flatMap((prefix) => alphabet.map((character) => prefix + character));
  }
  for (const field of [...fields, "subject", "Score", "score1"]) for (const code of ["1.1-2", "meta", "total", "a:b", "x\ny"]) check(` cell:${code}:${field}\t`);
  expect(differing).toEqual([]);
});
