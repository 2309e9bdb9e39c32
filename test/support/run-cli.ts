/** Runs the command line in-process (as `branch-scoring …` would) and captures what it prints. */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { main } from "../../src/cli/main";

const LAUNCHER = resolve(__dirname, "../../bin/branch-scoring.js");

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

/**
 * Runs the compiled command (dist-cli, built by `npm test` before jest) in its own process: for suites whose
 * compiles would otherwise add their workers' memory to the test process (test/batch/hostile checks its peak RSS).
 */
export function runBuiltCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    // decoded as a stream, so a Chinese character split between two pipe chunks stays whole (see runProgram)
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ status: code ?? 2, stdout, stderr }));
  });
}
