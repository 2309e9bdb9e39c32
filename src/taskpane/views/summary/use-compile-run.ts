/**
 * Runs the compile whenever the picked files or the ranking style change, and exposes its progress and outcome. A run
 * started while another is going supersedes it: the older run's late results are dropped.
 */
import { useEffect, useState } from "react";
import type { CompileOutcome } from "../../../batch/compile-core";
import type { RankStyle } from "../../../rubric/types";
import type { FileLine } from "./file-lines";
import { markRead, outcomeLines, waitingLines } from "./file-lines";
import type { Picked } from "./picked-files";
import { loadCompiler } from "./load-compiler";
import { spawnScoreWorker } from "./spawn-score-worker";

export type CompileRun =
  | { state: "idle" }
  | { state: "loading"; lines: FileLine[] }
  | { state: "reading"; lines: FileLine[]; done: number; total: number }
  | { state: "done"; lines: FileLine[]; outcome: CompileOutcome }
  | { state: "failed"; lines: FileLine[]; message: string };

export function useCompileRun(picked: readonly Picked<File>[], rank: RankStyle | undefined): CompileRun {
  const [run, setRun] = useState<CompileRun>({ state: "idle" });

  useEffect(() => {
    if (picked.length === 0) {
      setRun({ state: "idle" });
      return;
    }
    let current = true;
    const total = picked.length;
    let lines = waitingLines([...picked.map((item) => item.name)].sort());
    setRun({ state: "loading", lines });
    void (async () => {
      try {
        const compiler = await loadCompiler();
        if (!current) return;
        setRun({ state: "reading", lines, done: 0, total });
        const blobs = picked.map((item) => ({ name: item.name, arrayBuffer: () => item.file.arrayBuffer() }));
        const outcome = await compiler.compileBlobs(
          blobs,
          { rank },
          (progress) => {
            if (!current) return;
            lines = markRead(lines, progress.file);
            setRun({ state: "reading", lines, done: progress.done, total: progress.total });
          },
          spawnScoreWorker,
        );
        if (current) setRun({ state: "done", lines: outcomeLines(outcome), outcome });
      } catch (error) {
        if (current) setRun({ state: "failed", lines, message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [picked, rank]);

  return run;
}
