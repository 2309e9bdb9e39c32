/** Runs the command line in-process (as `branch-scoring …` would) and captures what it prints. */
import { main } from "../../src/cli/main";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write);
  const err = jest.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write);
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    // main reports a command's failure through process.exitCode; do not let it leak into the next run or jest
    process.exitCode = undefined;
  }
}
