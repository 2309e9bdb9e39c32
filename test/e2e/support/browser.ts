/**
 * Real Chromium (the system's /usr/bin/chromium through playwright-core) on the harness page. One session per test
 * file: the harness is built once, served from 127.0.0.1 on a random port, and each page gets options of its own.
 *
 *   const session = await startE2eSession();
 *   const page = await session.openHarness({ apiMinor: 12 });
 *   …
 *   await session.close();
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext, Page } from "playwright-core";
import { optionsQuery } from "../harness/options";
import type { HarnessOptions } from "../harness/options";
import { ensureHarnessBuilt } from "./build-harness";
import { startStaticServer } from "./static-server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
/** wide enough for the grid and a 360 px pane */
export const VIEWPORT = { width: 1280, height: 900 };

export interface E2eSession {
  /** where the harness is served, e.g. "http://127.0.0.1:43121" */
  origin: string;
  context: BrowserContext;
  /** A new page on the harness with these options, once the grid and the pane have rendered. */
  openHarness(options?: HarnessOptions): Promise<Page>;
  /** closes pages, the browser and the server, and removes the profile directory */
  close(): Promise<void>;
}

export async function startE2eSession(): Promise<E2eSession> {
  const root = await ensureHarnessBuilt();
  const server = await startStaticServer(root);
  // a fresh profile: no language choice or other storage carried over from an earlier run
  const profile = await mkdtemp(path.join(os.tmpdir(), "branch-scoring-e2e-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      locale: "zh-CN",
    });
  } catch (error) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const pageErrors: string[] = [];
  return {
    origin: server.origin,
    context,
    async openHarness(options: HarnessOptions = {}) {
      const page = await context.newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(`${server.origin}/index.html${optionsQuery(options)}`);
      await page.waitForFunction(() => (window as unknown as { harness?: { ready: boolean } }).harness?.ready === true);
      if (pageErrors.length > 0) throw new Error(`the harness page failed: ${pageErrors.join("\n")}`);
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
