// Waits for something another process or server does, polling, with a generous limit so a slow
// machine makes a test slower, never wrong.
export async function eventually<T>(
  probe: () => T | null | Promise<T | null>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
