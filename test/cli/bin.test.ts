/**
 * The installed command as a user runs it: npx and global installs reach bin/branch-scoring.js through a symlink
 * (node_modules/.bin/branch-scoring), so the launcher must start the CLI whatever path it is called by.
 * Uses the compiled CLI in dist-cli (`npm test` builds it before jest).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const launcher = resolve(__dirname, "../../bin/branch-scoring.js");
let dir: string;
let link: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bs-bin-"));
  link = join(dir, "branch-scoring"); // no .js, as in node_modules/.bin
  symlinkSync(launcher, link);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("through a symlink without .js, `schemes --json` prints the five schemes", () => {
  const stdout = execFileSync(process.execPath, [link, "schemes", "--json"], { cwd: dir, encoding: "utf8" });
  const ids = (JSON.parse(stdout) as { id: string }[]).map((scheme) => scheme.id);
  expect(ids).toEqual(["sibi-sikan", "tisheng-nian", "lianghua-yichuang", "wuhao", "siqiang"]);
});

test("an unknown command exits 1 with the usage on stderr", () => {
  const run = spawnSync(process.execPath, [link, "no-such-command"], { cwd: dir, encoding: "utf8" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("unknown command");
});
