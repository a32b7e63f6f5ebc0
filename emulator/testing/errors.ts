/** What a call failed with, for conformance tests: the SDK error's name and message. Throws if it succeeded. */
export async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as Error;
    return { name: e.name, message: e.message };
  }
  throw new Error("expected the call to fail");
}
