/** Runs once when a server process starts; the Node-only work lives in its own module (Next bundles this for Edge too). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startServer } = await import("./instrumentation-node");
    await startServer();
  }
}
