/**
 * Live checking, independent of React: watches the workbook through the host, re-reads the active scoring sheet after
 * each burst of edits and publishes its score; performs 定稿 / 解除定稿 and jumps to problem cells.
 *
 * Cost per burst of edits on the scoring sheet: one readSheets (one context.sync) for the sheet and its `_meta`, on top
 * of the host's own event bookkeeping. Edits within `debounceMs` of each other are one burst; a paste is one event.
 * Switching sheets costs two (listSheets, then every `_meta` with the new sheet), three when the new sheet is a 考评 and
 * the workbook holds other templates (their scoring sheets are read once to find the branch's 自评); after that a burst
 * reads the 自评 sheet and its `_meta` in the same one read. Our own writes never loop: the host
 * switches events off while writing where Excel allows it (ExcelApi 1.8), and the controller drops the changes its
 * writes cause anyway (older Excel), reading once itself when they are done.
 */
import { isHostError } from "../../../hosts/types";
import type { Disposable, SheetChange, SpreadsheetHost } from "../../../hosts/types";
import { getScheme } from "../../../rubric/catalogue";
import { isMetaSheetName, readMetaTable } from "../../../sheet/read-meta";
import { namedSheet } from "../../../sheet/read-match";
import type { Grid } from "../../../sheet/types";
import { countBySeverity } from "./problems";
import { describeHostError } from "../../shared/host-errors";
import type { HostErrorDescription } from "../../shared/host-errors";
import { draftMetaValues, finalMetaValues } from "../../../sheet/meta-keys";
import { STATUS_LABELS } from "../../../scoring/status";
import { cellMapKey } from "../../../sheet/read-meta";
import { META_CODE, STATUS_META_KEY } from "../../../sheet/meta-keys";

/** The template's 状态 input, when it has one (templates made before it keep 定稿 in `_meta` only). */
function statusCell(template: { score: { cells: Record<string, string> } }): string | undefined {
  return template.score.cells[cellMapKey(META_CODE, STATUS_META_KEY)];
}
import { DEFAULT_RETRY_DELAYS_MS, realSleep, withCellEditRetry } from "./retry";
import { compareWithSelf, findSelfTemplate } from "./self-comparison";
import { findTemplate, metaCandidates, readTemplate } from "./template-reading";
import type { LiveTemplate, Resolve, TemplateLocation, TemplateReading } from "./template-reading";

export type LiveStatus =
  /** the first look at the workbook is under way */
  | "starting"
  /** the active sheet is not a scoring sheet */
  | "no-template"
  | "live"
  /** the active sheet belongs to a `_meta` that cannot be scored: `problem` says why */
  | "unreadable"
  /** reading failed: `error` says why */
  | "failed";

export interface LiveSnapshot {
  status: LiveStatus;
  template: LiveTemplate | null;
  /** why the template cannot be scored (Chinese, from the reader) */
  problem: string | null;
  /** the last read or action that failed */
  error: HostErrorDescription | null;
  /** Excel is editing a cell: the batch is tried again automatically */
  retrying: { attempt: number; of: number } | null;
  /** 定稿 / 解除定稿 under way */
  busy: boolean;
}

export interface LiveControllerOptions {
  /** scheme ids → schemes; default the built-in catalogue */
  resolve?: Resolve;
  /** quiet time that ends a burst of edits; default 300 ms */
  debounceMs?: number;
  /** pauses between attempts while Excel is in cell-edit mode */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export interface LiveController {
  /** subscribe to the workbook's events and take the first look */
  start(): Promise<void>;
  getSnapshot(): LiveSnapshot;
  subscribe(listener: () => void): () => void;
  /** read again now (the 重试 button) */
  refresh(): Promise<void>;
  finalize(): Promise<void>;
  unfinalize(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** resolves once no burst is pending and no read or action is running */
  whenIdle(): Promise<void>;
  dispose(): Promise<void>;
}

type Job = "reread" | "discover";

const DEFAULT_DEBOUNCE_MS = 300;
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function createLiveController(host: SpreadsheetHost, options: LiveControllerOptions = {}): LiveController {
  const resolve = options.resolve ?? getScheme;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());

  let snapshot: LiveSnapshot = { status: "starting", template: null, problem: null, error: null, retrying: null, busy: false };
  const listeners = new Set<() => void>();
  let location: TemplateLocation | null = null;
  /** the branch's 自评 template beside the active 考评, read with it on every burst */
  let selfLocation: TemplateLocation | null = null;
  let subscriptions: Disposable[] = [];
  let disposed = false;

  let pendingJob: Job | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let draining: Promise<void> | null = null;
  let idleWaiters: (() => void)[] = [];
  /** our own writes in flight, and until when the changes they cause may still arrive (ms since the epoch) */
  let ownWrites = 0;
  let echoUntil = 0;

  function publish(change: Partial<LiveSnapshot>): void {
    snapshot = { ...snapshot, ...change };
    for (const listener of listeners) listener();
  }

  const retry = <T>(action: () => Promise<T>) =>
    withCellEditRetry(action, {
      delaysMs: retryDelays,
      sleep,
      cancelled: () => disposed,
      onRetry: (attempt, of) => publish({ retrying: { attempt, of } }),
    });

  /** self: the 自评 template read with it (null when none was found) */
  function show(reading: TemplateReading, self: LiveTemplate | null = null): void {
    if (reading.kind === "template") {
      location = { sheet: reading.template.sheet, metaSheet: reading.template.metaSheet };
      selfLocation = self ? { sheet: self.sheet, metaSheet: self.metaSheet } : null;
      const template = self ? { ...reading.template, view: { ...reading.template.view, self: compareWithSelf(reading.template, self) } } : reading.template;
      publish({ status: "live", template, problem: null, error: null });
    } else if (reading.kind === "unreadable") {
      location = reading.location;
      selfLocation = null;
      publish({ status: "unreadable", template: null, problem: reading.message, error: null });
    } else {
      location = null;
      selfLocation = null;
      publish({ status: "no-template", template: null, problem: null, error: null });
    }
  }

  /**
   * For a 考评: the branch's 自评 among the other templates of the workbook, whose scoring sheets are read in one
   * more read (their `_meta` grids were read already); null when there is none.
   */
  async function findSelf(reading: TemplateReading, metas: readonly Grid[], names: readonly string[]): Promise<LiveTemplate | null> {
    if (reading.kind !== "template" || reading.template.score.meta.rater !== "org") return null;
    const others = metas.flatMap((meta) => {
      const sheet = namedSheet(readMetaTable(meta), names);
      return sheet !== null && !sameName(meta.name, reading.template.metaSheet) && !sameName(sheet, reading.template.sheet) ? [{ meta, sheet }] : [];
    });
    if (others.length === 0) return null;
    const sheets = await host.readSheets(others.map((other) => other.sheet));
    return findSelfTemplate(reading.template, others.map((other, i) => ({ sheet: sheets[i], meta: other.meta })), resolve);
  }

  /** Which sheet is active, and is it a template? listSheets, then every `_meta` with it in one read. */
  async function discover(): Promise<void> {
    const { names, active } = await host.listSheets();
    const metas = names.filter(isMetaSheetName);
    if (metas.length === 0 || isMetaSheetName(active)) {
      show({ kind: "not-template" });
      return;
    }
    const grids = await host.readSheets([...metas, active]);
    const sheetGrid = grids[grids.length - 1];
    const reading = findTemplate(sheetGrid, metaCandidates(active, grids.slice(0, -1), names), resolve);
    show(reading, await findSelf(reading, grids.slice(0, -1), names));
  }

  /** The known template again: one read of the scoring sheet and its `_meta` (and of the 自评 beside it, if any). */
  async function reread(): Promise<void> {
    const known = location;
    if (!known) return discover();
    const self = selfLocation;
    let grids;
    try {
      grids = await host.readSheets([known.sheet, known.metaSheet, ...(self ? [self.sheet, self.metaSheet] : [])]);
    } catch (error) {
      // a sheet was deleted or renamed meanwhile: look again
      if (isHostError(error, "not-found")) return discover();
      throw error;
    }
    const reading = readTemplate(grids[0], grids[1], resolve);
    const selfTemplate = reading.kind === "template" && grids.length === 4 ? findSelfTemplate(reading.template, [{ sheet: grids[2], meta: grids[3] }], resolve) : null;
    show(reading, selfTemplate);
  }

  async function perform(job: Job): Promise<void> {
    try {
      await retry(job === "discover" ? discover : reread);
    } catch (error) {
      publish({ status: snapshot.template ? snapshot.status : "failed", error: describeHostError(error) });
    } finally {
      if (snapshot.retrying) publish({ retrying: null });
    }
  }

  function notifyIdle(): void {
    if (draining || timer !== null || pendingJob !== null) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  }

  function drain(): Promise<void> {
    if (draining) return draining;
    draining = (async () => {
      while (pendingJob !== null && timer === null && !disposed) {
        const job = pendingJob;
        pendingJob = null;
        await perform(job);
      }
    })().finally(() => {
      draining = null;
      notifyIdle();
    });
    return draining;
  }

  function schedule(job: Job, delayMs: number): void {
    if (disposed) return;
    pendingJob = pendingJob === "discover" || job === "discover" ? "discover" : "reread";
    if (timer !== null) clearTimeout(timer);
    if (delayMs <= 0) {
      timer = null;
      void drain();
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      void drain();
    }, delayMs);
  }

  function onChanged(changes: SheetChange[]): void {
    const known = location;
    if (disposed || !known) return;
    // our own writes touch only `_meta` and the 状态 cell (locking cells raises no change): changes there while we
    // write, or shortly after, are their echoes, which the read after the write covers. Other edits always count.
    const echoesPossible = ownWrites > 0 || Date.now() < echoUntil;
    const status = snapshot.template ? statusCell(snapshot.template) : undefined;
    const isEcho = (change: SheetChange) =>
      echoesPossible && (sameName(change.sheet, known.metaSheet) || (sameName(change.sheet, known.sheet) && change.address === status));
    const self = selfLocation;
    const watched = (sheet: string) =>
      sameName(sheet, known.sheet) || sameName(sheet, known.metaSheet) || (self !== null && (sameName(sheet, self.sheet) || sameName(sheet, self.metaSheet)));
    const relevant = changes.some((change) => !isEcho(change) && watched(change.sheet));
    if (relevant) schedule("reread", debounceMs);
  }

  function onActivated(sheet: string): void {
    if (disposed) return;
    schedule(location && sameName(sheet, location.sheet) ? "reread" : "discover", debounceMs);
  }

  /** Our writes, serialised after any read, then one read of the result. */
  async function ownWrite(write: (template: LiveTemplate) => Promise<void>): Promise<void> {
    await whenIdle();
    const template = snapshot.template;
    if (!template || snapshot.busy || disposed) return;
    ownWrites += 1;
    publish({ busy: true, error: null });
    try {
      await retry(() => write(template));
    } catch (error) {
      publish({ error: describeHostError(error) });
    } finally {
      ownWrites -= 1;
      echoUntil = Date.now() + debounceMs;
      if (snapshot.retrying) publish({ retrying: null });
    }
    schedule("reread", 0);
    await whenIdle();
    publish({ busy: false });
  }

  function whenIdle(): Promise<void> {
    if (!draining && timer === null && pendingJob === null) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  return {
    async start() {
      try {
        subscriptions = [await host.onChanged(onChanged), await host.onActivated(onActivated)];
      } catch (error) {
        publish({ status: "failed", error: describeHostError(error) });
        return;
      }
      schedule("discover", 0);
      await whenIdle();
    },

    getSnapshot: () => snapshot,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async refresh() {
      schedule("discover", 0);
      await whenIdle();
    },

    finalize() {
      return ownWrite(async (template) => {
        // a sheet with errors must not be declared final: the button is disabled, and this guards other callers
        if (countBySeverity(template.score.result.issues).error > 0) return;
        // the visible 状态 first (the sheet's 等次 drops 草稿), then the inputs locked, 状态 with them
        const status = statusCell(template);
        if (status) await host.writeCells?.(template.sheet, status, [[STATUS_LABELS.final]]);
        await host.setCellsLocked?.(template.sheet, template.inputs, true);
        await host.setProtected(template.sheet, true);
        // `_meta` last: if anything before fails, the sheet is not recorded as final
        await host.writeMeta(template.metaSheet, finalMetaValues(now()));
      });
    },

    unfinalize() {
      return ownWrite(async (template) => {
        // unlocked inputs first, `_meta` last: a failure leaves 已定稿 showing, with 解除定稿 to try again
        await host.setCellsLocked?.(template.sheet, template.inputs, false);
        const status = statusCell(template);
        if (status) await host.writeCells?.(template.sheet, status, [[STATUS_LABELS.draft]]);
        await host.writeMeta(template.metaSheet, draftMetaValues());
      });
    },

    async selectCell(sheet, cell) {
      try {
        await retry(() => host.selectCell(sheet, cell));
        if (snapshot.error) publish({ error: null });
      } catch (error) {
        publish({ error: describeHostError(error) });
      } finally {
        if (snapshot.retrying) publish({ retrying: null });
      }
    },

    whenIdle,

    async dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pendingJob = null;
      listeners.clear();
      const current = subscriptions;
      subscriptions = [];
      await Promise.all(current.map((subscription) => Promise.resolve(subscription.dispose()).catch(() => undefined)));
      notifyIdle();
    },
  };
}
