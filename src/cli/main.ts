/** The branch-scoring command line (contracts.md). Each command lives in its own file and registers itself here. */
import { Command } from "commander";
import { registerBallot } from "./ballot";
import { registerCompile } from "./compile";
import { registerDemo } from "./demo";
import { registerSchemes } from "./schemes";
import { registerScore } from "./score";
import { registerTemplate } from "./template";

function buildProgram(): Command {
  const program = new Command();
  program
    .name("branch-scoring")
    .description("支部考评助手 — 党支部/支部书记考评：评分表模板、评分、汇总 (branch scoring templates, scoring, summary)")
    .showHelpAfterError()
    .exitOverride();
  registerSchemes(program);
  registerScore(program);
  registerTemplate(program);
  registerBallot(program);
  registerCompile(program);
  registerDemo(program);
  return program;
}

/** Exit codes: 0 done, 1 nothing usable or bad arguments, 2 internal error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  process.exitCode = undefined; // commands set it for "done with problems" / "nothing usable"
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") return 0;
    if (typeof code === "string" && code.startsWith("commander.")) return 1;
    process.stderr.write(`内部错误 (internal error): ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

/** Entry point of bin/branch-scoring.js (however it is reached: npx, a global install, a symlink). */
export function runFromCommandLine(): void {
  main(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}

if (require.main === module) runFromCommandLine();
