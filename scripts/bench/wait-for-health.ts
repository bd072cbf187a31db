/** Waits until the app at `base` answers /api/health (a minute at most: a production start takes seconds). */
export async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) {
    if (i > 240) throw new Error(`the app at ${base} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
