/**
 * The live controller against the Excel double through the real office host: what it publishes, how many
 * context.sync() a burst of edits costs, that its own writes do not loop, 定稿 / 解除定稿, and cell-edit-mode retries.
 */
import { toHostError } from "../../src/hosts/office/errors";
import { createOfficeHost } from "../../src/hosts/office/office-host";
import type { SpreadsheetHost } from "../../src/hosts/types";
import { getScheme } from "../../src/rubric/catalogue";
import type { Scheme } from "../../src/rubric/types";
import { scoreEntries } from "../../src/scoring/engine";
import { planTemplate } from "../../src/sheet/planner";
import { createLiveController } from "../../src/taskpane/views/scoring/controller";
import type { LiveController, LiveControllerOptions, LiveSnapshot } from "../../src/taskpane/views/scoring/controller";
import type { ExcelDouble } from "../support/excel-double";
import { createExcelDouble } from "../support/excel-double";
import { liveTestState } from "../support/live-teardown";

const SCHEME_ID = "lianghua-yichuang";
/** Excel 2019 (1.7: one change handler per sheet, no enableEvents), 1.8 (still per sheet), and the newest */
const API_LEVELS = [7, 8, 12];
const FIXED_NOW = new Date("2025-12-20T08:30:00.000Z");

interface Setup {
  excel: ExcelDouble;
  host: SpreadsheetHost;
  /** how often the controller called each host method */
  calls: Record<string, number>;
  controller: LiveController;
  sheet: string;
  metaSheet: string;
  /** the A1 address the template's `_meta` records for a key such as "cell:1.1-3:deduction" */
  cell(key: string): string;
}

const setUpState = liveTestState();

function scheme(): Scheme {
  const found = getScheme(SCHEME_ID);
  if (!found) throw new Error(`built-in scheme ${SCHEME_ID} missing`);
  return found;
}

/** A host whose calls are counted, so tests can say "one read per burst" without knowing the sync details. */
function counted(host: SpreadsheetHost, calls: Record<string, number>): SpreadsheetHost {
  return new Proxy(host, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls[String(property)] = (calls[String(property)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function setUp(apiMinor = 12, options: LiveControllerOptions = {}): Promise<Setup> {
  const excel = createExcelDouble({ apiMinor });
  setUpState.uninstall = excel.install(globalThis);
  const plain = createOfficeHost();
  const plan = planTemplate(scheme(), { subject: "化学系第一党支部", org: "化学系党委", period: "2025", rater: "org", evaluator: "王老师" });
  const applied = await plain.applyPlan(plan);
  const sheet = applied.names[plan.activate];
  const metaSheet = applied.names["_meta"];
  const calls: Record<string, number> = {};
  const host = counted(plain, calls);
  const controller = createLiveController(host, { debounceMs: 20, now: () => FIXED_NOW, ...options });
  setUpState.controller = controller;
  await controller.start();
  const metaRows = excel.getSheetState(metaSheet).values;
  const cell = (key: string) => {
    const row = metaRows.find((candidate) => candidate[0] === key);
    if (!row) throw new Error(`_meta has no ${key}`);
    return String(row[1]);
  };
  for (const key of Object.keys(calls)) delete calls[key];
  return { excel, host, calls, controller, sheet, metaSheet, cell };
}

function live(snapshot: LiveSnapshot) {
  const template = snapshot.template;
  if (snapshot.status !== "live" || !template) throw new Error(`expected a live template, got ${snapshot.status}`);
  return template;
}

/** Wait for delivered events (and the host's look-ups they start), then for the burst they make to be read. */
async function quiet(setup: Setup): Promise<void> {
  await setup.excel.settle();
  await setup.controller.whenIdle();
}

/** What the engine gives a sheet nobody has filled in: read from the workbook, the pane must agree. */
function blankTotal(): number {
  return scoreEntries(scheme(), { rules: {}, vetoes: {} }).total;
}

/** The band a total falls in: bands run from best to worst, each with its lower bound. */
function bandOf(total: number): string | undefined {
  return scheme().bands.find((band) => total >= band.min)?.name;
}

test("an inserted template is found and scored as the engine scores a blank sheet, header complete", async () => {
  const setup = await setUp();
  const template = live(setup.controller.getSnapshot());
  expect(template.sheet).toBe(setup.sheet);
  expect(template.metaSheet).toBe(setup.metaSheet);
  expect(template.view.result.total).toBe(blankTotal());
  expect(template.view.result.band).toBe(bandOf(blankTotal()));
  expect(template.view.finalized).toBe(false);
  // five header fields typed in the plan, all present
  expect(template.view.progress.required.filled).toBe(template.view.progress.required.of);
});

test.each(API_LEVELS)("a 50-cell paste is one burst: exactly one sync (one read; sheet names are known from start-up) (ExcelApi 1.%i)", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  // the paste goes over locked cells too, so lift the protection first (not counted)
  await setup.host.setProtected(setup.sheet, false);
  setup.excel.resetCounters();
  const rows = Array.from({ length: 50 }, (_, index) => [`佐证材料 ${index + 1}`]);
  expect(setup.excel.userEdit(setup.sheet, "Z1:Z50", rows)).toBe(true);
  await quiet(setup);
  expect(setup.excel.syncCount()).toBe(1);
  expect(setup.calls.readSheets).toBe(1);
});

test.each(API_LEVELS)("five separate edits in one burst cost exactly one sync: events need no per-event look-up (ExcelApi 1.%i)", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  setup.excel.resetCounters();
  for (const code of ["1.1-1", "1.1-2", "1.1-3", "1.2-1", "1.2-2"]) {
    expect(setup.excel.userEdit(setup.sheet, setup.cell(`cell:${code}:reason`), `理由 ${code}`)).toBe(true);
  }
  await quiet(setup);
  expect(setup.excel.syncCount()).toBe(1);
  expect(setup.calls.readSheets).toBe(1);
});

test.each(API_LEVELS)("edits in quick succession are read once; the score follows them (ExcelApi 1.%i)", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  const deduction = setup.cell("cell:1.1-2:deduction");
  const reason = setup.cell("cell:1.1-2:reason");
  expect(setup.excel.userEdit(setup.sheet, deduction, 1)).toBe(true);
  expect(setup.excel.userEdit(setup.sheet, reason, "党员人数不足")).toBe(true);
  await quiet(setup);
  expect(setup.calls.readSheets).toBe(1);
  const template = live(setup.controller.getSnapshot());
  // 1.1-2 is a fixed 1-point deduction
  expect(template.view.result.total).toBe(blankTotal() - 1);
  expect(template.view.result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
});

test.each(API_LEVELS)("a template inserted while the pane watches is checked live, one sync per burst (ExcelApi 1.%i)", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  const plan = planTemplate(scheme(), { subject: "化学系第二党支部", org: "化学系党委", period: "2025", rater: "org", evaluator: "王老师" });
  const applied = await setup.host.applyPlan(plan);
  const second = applied.names[plan.activate];
  // with events off while applying (1.8+) Excel reports no activation: the pane looks again after inserting
  await setup.controller.refresh();
  expect(live(setup.controller.getSnapshot()).sheet).toBe(second);
  const metaRows = setup.excel.getSheetState(applied.names["_meta"]).values;
  const deduction = String(metaRows.find((row) => row[0] === "cell:1.1-2:deduction")?.[1]);
  setup.excel.resetCounters();
  for (const key of Object.keys(setup.calls)) delete setup.calls[key];
  expect(setup.excel.userEdit(second, deduction, 1)).toBe(true);
  await quiet(setup);
  expect(setup.excel.syncCount()).toBe(1);
  expect(setup.calls.readSheets).toBe(1);
  expect(live(setup.controller.getSnapshot()).view.result.total).toBe(blankTotal() - 1);
});

test.each([7, 8])("a sheet the user adds (a copied template) is watched too (ExcelApi 1.%i)", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  setup.excel.resetCounters();
  setup.excel.userAddSheet("草稿");
  await quiet(setup);
  // one sync to put a change handler on the new sheet; its edits then reach the pane without another look-up
  expect(setup.excel.syncCount()).toBe(1);
  const seen: string[] = [];
  const subscription = await setup.host.onChanged((changes) => seen.push(...changes.map((change) => `${change.sheet}!${change.address}`)));
  setup.excel.userEdit("草稿", "B2", 5);
  await setup.excel.settle();
  expect(seen).toEqual(["草稿!B2"]);
  await subscription.dispose();
});

test("a bad entry shows as a problem on its cell; selecting it moves Excel's selection there", async () => {
  const setup = await setUp();
  const deduction = setup.cell("cell:1.1-3:deduction");
  setup.excel.userEdit(setup.sheet, deduction, 0.3); // the rule allows 0.5–1
  await quiet(setup);
  const problem = live(setup.controller.getSnapshot()).view.result.issues.find((issue) => issue.cell === deduction);
  expect(problem?.severity).toBe("error");
  setup.excel.userAddSheet("草稿");
  setup.excel.userActivate("草稿");
  await setup.controller.selectCell(setup.sheet, deduction);
  expect(setup.excel.selection()).toEqual({ sheet: setup.sheet, address: deduction });
});

test.each(API_LEVELS)("edits on other sheets are not read (ExcelApi 1.%i)", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  setup.excel.userAddSheet("草稿");
  setup.excel.userEdit("草稿", "A1:B2", [[1, 2], [3, 4]]);
  await quiet(setup);
  expect(setup.calls.readSheets ?? 0).toBe(0);
});

test("switching to an ordinary sheet and back: no template, then the template again", async () => {
  const setup = await setUp();
  setup.excel.userAddSheet("草稿");
  setup.excel.userActivate("草稿");
  await quiet(setup);
  expect(setup.controller.getSnapshot().status).toBe("no-template");
  setup.excel.userActivate(setup.sheet);
  await quiet(setup);
  expect(live(setup.controller.getSnapshot()).sheet).toBe(setup.sheet);
});

/** An evaluator's first entry (nothing found on 1.1-2): the sheet is no longer blank, so it may be finalised. */
async function startFilling(setup: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  setup.excel.userEdit(setup.sheet, setup.cell("cell:1.1-2:deduction"), 0);
  await quiet(setup);
  for (const key of Object.keys(setup.calls)) delete setup.calls[key];
}

test("定稿 locks the inputs, keeps the sheet protected and records status and time in _meta; 解除定稿 reverses it", async () => {
  const setup = await setUp();
  await startFilling(setup);
  const deduction = setup.cell("cell:1.1-2:deduction");
  const status = setup.cell("cell:meta:status");
  expect(setup.excel.getSheetState(setup.sheet).values[Number(status.slice(1)) - 1][1]).toBe("填写中");
  await setup.controller.finalize();
  await quiet(setup);
  expect(live(setup.controller.getSnapshot()).view.finalized).toBe(true);
  // the visible 状态 says so too, for WPS and LibreOffice users and the sheet's own 等次 formula
  expect(setup.excel.getSheetState(setup.sheet).values[Number(status.slice(1)) - 1][1]).toBe("已定稿");
  expect(live(setup.controller.getSnapshot()).score.status).toBe("final");
  const meta = setup.excel.getSheetState(setup.metaSheet).values;
  expect(meta).toContainEqual(["status", "final"]);
  expect(meta).toContainEqual(["finalizedAt", FIXED_NOW.toISOString()]);
  expect(setup.excel.getSheetState(setup.sheet).protected).toBe(true);
  expect(setup.excel.userEdit(setup.sheet, deduction, 1)).toBe(false);

  await setup.controller.unfinalize();
  await quiet(setup);
  expect(live(setup.controller.getSnapshot()).view.finalized).toBe(false);
  expect(setup.excel.getSheetState(setup.metaSheet).values).toContainEqual(["status", "draft"]);
  expect(setup.excel.getSheetState(setup.sheet).values[Number(status.slice(1)) - 1][1]).toBe("填写中");
  expect(setup.excel.getSheetState(setup.sheet).protected).toBe(true);
  expect(setup.excel.userEdit(setup.sheet, deduction, 1)).toBe(true);
});

test("定稿 of an untouched sheet marks it 已定稿, but a blank form still has no verdict", async () => {
  const setup = await setUp();
  await setup.controller.finalize();
  await quiet(setup);
  expect(live(setup.controller.getSnapshot()).view.finalized).toBe(true);
  expect(live(setup.controller.getSnapshot()).score.status).toBe("blank");
});

test("定稿 is refused while the sheet has errors", async () => {
  const setup = await setUp();
  setup.excel.userEdit(setup.sheet, setup.cell("cell:1.1-3:deduction"), 0.3);
  await quiet(setup);
  await setup.controller.finalize();
  await quiet(setup);
  expect(live(setup.controller.getSnapshot()).view.finalized).toBe(false);
  expect(setup.calls.writeMeta ?? 0).toBe(0);
});

test.each([7, 12])("our own writes do not loop (ExcelApi 1.%i): one read after 定稿, none caused by its echoes", async (apiMinor) => {
  const setup = await setUp(apiMinor);
  await startFilling(setup);
  await setup.controller.finalize();
  await quiet(setup);
  expect(setup.calls.readSheets).toBe(1);
  expect(live(setup.controller.getSnapshot()).view.finalized).toBe(true);
});

test("late echoes of our own writes (real Excel delivers events later) are dropped, not read", async () => {
  // ExcelApi 1.7 cannot switch events off, so writing _meta during 定稿 raises onChanged on it
  const setup = await setUp(7, { debounceMs: 1000 });
  setup.excel.userEdit(setup.sheet, setup.cell("cell:1.1-2:deduction"), 0);
  await setup.excel.settle();
  const onChanged = setup.host.onChanged.bind(setup.host);
  await setup.controller.dispose();
  const late: SpreadsheetHost = {
    ...setup.host,
    onChanged: (listener) => onChanged((changes) => void setTimeout(() => listener(changes), 0)),
  };
  let echoes = 0;
  await onChanged((changes) => (echoes += changes.filter((change) => change.sheet === setup.metaSheet).length));
  const controller = createLiveController(late, { debounceMs: 1000, now: () => FIXED_NOW });
  setUpState.controller = controller;
  await controller.start();
  const reads = setup.calls.readSheets;
  await controller.finalize();
  await setup.excel.settle();
  await new Promise((resolve) => setTimeout(resolve, 0)); // after the deferred deliveries
  await controller.whenIdle();
  expect(echoes).toBeGreaterThan(0);
  expect(setup.calls.readSheets - reads).toBe(1);
});

test("a read refused in cell-edit mode is retried, and the pane is told meanwhile", async () => {
  const retries: unknown[] = [];
  const box: { excel?: ExcelDouble } = {};
  const setup = await setUp(12, {
    retryDelaysMs: [5, 5, 5],
    // the user presses Enter during the second pause
    sleep: async () => {
      if (retries.length === 2) box.excel?.exitCellEditMode();
    },
  });
  box.excel = setup.excel;
  setup.controller.subscribe(() => {
    const retrying = setup.controller.getSnapshot().retrying;
    if (retrying && retries[retries.length - 1] !== retrying) retries.push(retrying);
  });
  setup.excel.enterCellEditMode();
  await setup.controller.refresh();
  expect(retries).toEqual([
    { attempt: 1, of: 3 },
    { attempt: 2, of: 3 },
  ]);
  const snapshot = setup.controller.getSnapshot();
  expect(snapshot.retrying).toBeNull();
  expect(snapshot.error).toBeNull();
  expect(live(snapshot).sheet).toBe(setup.sheet);
});

test("when cell-edit mode outlasts the retries, the error says so and offers to try again", async () => {
  const setup = await setUp(12, { retryDelaysMs: [1, 1], sleep: async () => undefined });
  setup.excel.enterCellEditMode();
  await setup.controller.finalize();
  const snapshot = setup.controller.getSnapshot();
  expect(snapshot.error).toEqual({ key: "error.cellEditMode", detail: "", retryable: true });
  expect(snapshot.busy).toBe(false);
  setup.excel.exitCellEditMode();
  expect(setup.excel.getSheetState(setup.metaSheet).values).not.toContainEqual(["status", "final"]);
});

test("a template sheet gone between reads (the host's not-found) is looked for again, not reported", async () => {
  const excel = createExcelDouble({ apiMinor: 12 });
  setUpState.uninstall = excel.install(globalThis);
  const plain = createOfficeHost();
  const plan = planTemplate(scheme(), { subject: "化学系第一党支部", org: "化学系党委", period: "2025", rater: "org", evaluator: "王老师" });
  const sheet = (await plain.applyPlan(plan)).names[plan.activate];
  let vanishOnce = false;
  const calls: Record<string, number> = {};
  const host = counted(
    {
      ...plain,
      // what the office host makes of Excel's ItemNotFound, as when the user deletes the sheet between two reads
      readSheets: (names) => (vanishOnce ? ((vanishOnce = false), Promise.reject(toHostError({ code: "ItemNotFound" }, "读取工作表"))) : plain.readSheets(names)),
    },
    calls,
  );
  const controller = createLiveController(host, { debounceMs: 20, now: () => FIXED_NOW });
  setUpState.controller = controller;
  await controller.start();
  for (const key of Object.keys(calls)) delete calls[key];
  await plain.setProtected(sheet, false);
  vanishOnce = true;
  expect(excel.userEdit(sheet, "Z1", "佐证材料")).toBe(true);
  await excel.settle();
  await controller.whenIdle();
  const snapshot = controller.getSnapshot();
  expect(snapshot.error).toBeNull();
  expect(live(snapshot).sheet).toBe(sheet);
  expect(calls).toEqual({ readSheets: 2, listSheets: 1 });
});
