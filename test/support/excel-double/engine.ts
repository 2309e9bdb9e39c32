/**
 * The heart of the double: a RequestContext that queues operations, and a sync() that applies them in order, counts
 * itself, measures the request payload and raises errors the way Office.js does (at sync, not when queued).
 */
import { fail, propertyNotLoaded } from "./errors";
import { REQUIREMENT_SETS } from "./requirement-sets";
import type { Scalar, WorkbookState } from "./state";

export interface ExcelDoubleOptions {
  /** highest ExcelApi 1.x minor version the fake host supports; default 12 */
  apiMinor?: number;
  /** Office.context.diagnostics: platform (default "PC") and Office build (default a Microsoft 365 build) */
  platform?: string;
  officeVersion?: string;
  /** sheets of the workbook at start; default ["Sheet1"] */
  sheets?: string[];
  /** value a formula cell reports after it is written (the double does not calculate); default blank */
  evaluate?: (sheet: string, address: string, formula: string) => Scalar | null;
  /** Excel refuses requests above 5 MB (arguments plus ACTION_OVERHEAD_BYTES per action) */
  payloadLimitBytes?: number;
}

export interface Operation {
  /** "Class.member" as in Office.js ("Worksheet.getRanges"): its requirement set comes from requirement-sets.ts */
  name: string;
  /** plain data: what Office.js would serialise into the request */
  args: unknown;
  /** the Office.js members the operation uses, when not just `name` (a load names each property) */
  members?: string[];
  apply(): void;
}

/** The ExcelApi minor version a member needs: "A.b.c" is looked up as "A.b.c", then "A.b"; unknown members need none. */
export function requirementOf(member: string): number {
  const [type, property] = member.split(".");
  return REQUIREMENT_SETS[member] ?? REQUIREMENT_SETS[`${type}.${property}`] ?? 0;
}

export type EventName = "Changed" | "Activated" | "Added";

interface HandlerEntry {
  event: EventName;
  /** "collection" for workbook.worksheets.onX, else the sheet id of worksheet.onX */
  scope: string;
  handler: (args: Record<string, unknown>) => unknown;
  active: boolean;
}

export class Engine {
  readonly state: WorkbookState;
  readonly apiMinor: number;
  readonly options: ExcelDoubleOptions;
  syncs = 0;
  payloads: number[] = [];
  handlerErrors: unknown[] = [];
  private handlers: HandlerEntry[] = [];
  private deliveries: Promise<unknown>[] = [];

  constructor(state: WorkbookState, options: ExcelDoubleOptions) {
    this.state = state;
    this.options = options;
    this.apiMinor = options.apiMinor ?? 12;
  }

  register(event: EventName, scope: string, handler: HandlerEntry["handler"]): HandlerEntry {
    const entry: HandlerEntry = { event, scope, handler, active: false };
    this.handlers.push(entry);
    return entry;
  }

  unregister(entry: HandlerEntry): void {
    entry.active = false;
    this.handlers = this.handlers.filter((h) => h !== entry);
  }

  activeHandlerCount(): number {
    return this.handlers.filter((h) => h.active).length;
  }

  /** Delivers an event asynchronously, like Office.js, unless this add-in has turned events off. */
  emit(event: EventName, sheetId: string, args: Record<string, unknown>): void {
    if (!this.state.enableEvents) return;
    for (const entry of this.handlers) {
      if (!entry.active || entry.event !== event || (entry.scope !== "collection" && entry.scope !== sheetId)) continue;
      const delivery = Promise.resolve()
        .then(() => entry.handler({ ...args }))
        .catch((error: unknown) => this.handlerErrors.push(error));
      this.deliveries.push(delivery);
    }
  }

  /** Waits until every delivered event handler (and what they started) has finished. */
  async settle(): Promise<void> {
    while (this.deliveries.length > 0) {
      const batch = this.deliveries;
      this.deliveries = [];
      await Promise.all(batch);
    }
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Office.js sends every action with its ids and object path: roughly this much on top of the arguments */
export const ACTION_OVERHEAD_BYTES = 150;

export class Context {
  readonly engine: Engine;
  private queue: Operation[] = [];

  constructor(engine: Engine) {
    this.engine = engine;
  }

  enqueue(op: Operation): void {
    this.queue.push(op);
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const engine = this.engine;
    engine.syncs += 1;
    const bytes = utf8Length(JSON.stringify(ops.map((op) => [op.name, op.args]))) + ops.length * ACTION_OVERHEAD_BYTES;
    engine.payloads.push(bytes);
    await Promise.resolve(); // a round trip: nothing is applied synchronously
    if (engine.state.cellEditMode) {
      fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode and try again.");
    }
    if (bytes > (engine.options.payloadLimitBytes ?? 5 * 1024 * 1024)) {
      fail("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    for (const op of ops) {
      for (const member of op.members ?? [op.name]) {
        const needs = requirementOf(member);
        if (needs > engine.apiMinor) fail("ApiNotFound", `The API '${member}' (ExcelApi 1.${needs}) is not supported by this host.`, member);
      }
      op.apply();
    }
  }
}

/** Property names requested by load("a, b/c"), load(["a"]) or load({ select: "a" }) / load({ a: true }). */
export function loadPaths(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => loadPaths(p));
  if (typeof props === "object" && props !== null) {
    const select = (props as { select?: unknown }).select;
    if (select !== undefined) return loadPaths(select);
    return Object.entries(props as Record<string, unknown>).flatMap(([key, value]) =>
      typeof value === "object" && value !== null ? loadPaths(value).map((p) => `${key}/${p}`) : value ? [key] : [],
    );
  }
  return [];
}

/** A proxy object: properties are readable only after load() and sync(). */
export abstract class ClientObject {
  /** the Office.js class this object stands for (its members' requirement sets are looked up under this name) */
  protected abstract readonly officeType: string;
  readonly context: Context;
  protected readonly loaded = new Map<string, unknown>();

  constructor(context: Context) {
    this.context = context;
  }

  /** the value of a top-level property at apply time */
  protected abstract read(property: string): unknown;
  /** the child proxy for "child/property" load paths */
  protected child(_name: string): ClientObject | undefined {
    return undefined;
  }
  /** properties loaded when load() is called with nothing */
  protected defaultProperties(): string[] {
    return [];
  }

  load(props?: unknown): this {
    const paths = props === undefined ? this.defaultProperties() : loadPaths(props);
    const own = paths.filter((p) => !p.includes("/"));
    const nested = new Map<string, string[]>();
    for (const path of paths.filter((p) => p.includes("/"))) {
      const [head, ...rest] = path.split("/");
      nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
    }
    for (const [head, rest] of nested) {
      const child = this.child(head);
      if (!child) fail("InvalidArgument", `Cannot load '${head}'.`);
      child.load(rest);
    }
    if (own.length > 0) {
      this.context.enqueue({
        name: `${this.officeType}.load`,
        args: own,
        members: own.map((property) => `${this.officeType}.${property}`),
        apply: () => {
          for (const p of own) this.loaded.set(p, this.read(p));
        },
      });
    }
    return this;
  }

  protected loadedValue<T>(property: string): T {
    if (!this.loaded.has(property)) propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
