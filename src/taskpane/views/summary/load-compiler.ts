/** The one place that loads the heavy compile module; webpack makes it a separate chunk, fetched on first use. */
import type * as LazyCompilerModule from "./lazy-compiler.js";

export type LazyCompiler = typeof LazyCompilerModule;

let loading: Promise<LazyCompiler> | null = null;

export function loadCompiler(): Promise<LazyCompiler> {
  loading ??= import(/* webpackChunkName: "summary-compile" */ "./lazy-compiler.js").catch((error: unknown) => {
    // a failed chunk download (network, an updated deployment) may succeed when the user tries again
    loading = null;
    throw error;
  });
  return loading;
}
