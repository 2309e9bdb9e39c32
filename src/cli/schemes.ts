import type { Command } from "commander";
// placeholder until the catalogue lands (issue 2)
export function registerSchemes(program: Command): void {
  program.command("schemes").option("--json").action(() => undefined);
}
