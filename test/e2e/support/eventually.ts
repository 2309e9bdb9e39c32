/**
 * Wait until a value read from the page equals what is expected (jest has no expect.poll). Gives up after `timeoutMs`
 * with a normal jest failure showing the last value; the limit only bounds a hang, it is not what the test checks.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!isEqual(last, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
