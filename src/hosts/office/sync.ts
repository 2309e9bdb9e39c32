/**
 * Every context.sync() of the Office host goes through `sync`, so the self-test can say how many round trips each of
 * its steps took in the user's Excel (Office.js itself keeps no count).
 */
let syncs = 0;

export async function sync(context: Excel.RequestContext): Promise<void> {
  syncs += 1;
  await context.sync();
}

/** context.sync() calls the host has made since the page loaded */
export function syncsSoFar(): number {
  return syncs;
}
