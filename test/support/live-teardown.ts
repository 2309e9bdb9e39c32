/**
 * What a live-controller test sets up against the Excel double, undone after each test: the controller disposed first,
 * while the double it reads is still installed, then the double uninstalled.
 */
import type { LiveController } from "../../src/taskpane/views/scoring/controller";

export interface LiveTestState {
  uninstall?: () => void;
  controller?: LiveController;
}

/** Registers the teardown (call at the top of a test file) and returns the state a test's set-up fills in. */
export function liveTestState(): LiveTestState {
  const state: LiveTestState = {};
  afterEach(async () => {
    await state.controller?.dispose();
    state.controller = undefined;
    state.uninstall?.();
    state.uninstall = undefined;
  });
  return state;
}
