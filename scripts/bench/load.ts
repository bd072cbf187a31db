import http from "node:http";

export interface LoadResult {
  sent: number;
  ok: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function post(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<{ status: number; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on("error", () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}

function summarize(results: { status: number; ms: number }[], seconds: number): LoadResult {
  const ok = results.filter((r) => r.status === 200);
  const sorted = ok.map((r) => r.ms).sort((a, b) => a - b);
  return { sent: results.length, ok: ok.length, errors: results.length - ok.length, seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Open loop: requests leave at a fixed rate whatever the server does, as LINE's would. */
export async function runAtRate(url: URL, rate: number, seconds: number, makeRequest: () => { body: string; headers: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const pending: Promise<{ status: number; ms: number }>[] = [];
  const started = Date.now();
  const total = rate * seconds;
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * rate));
    while (pending.length < due) {
      const { body, headers } = makeRequest();
      pending.push(post(agent, url, body, headers));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const results = await Promise.all(pending);
  agent.destroy();
  return summarize(results, (Date.now() - started) / 1000);
}

/** Closed loop: `concurrency` clients send back to back, for the sustainable maximum. */
export async function runFlatOut(url: URL, concurrency: number, seconds: number, makeRequest: () => { body: string; headers: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const results: { status: number; ms: number }[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() - started < seconds * 1000) {
        const { body, headers } = makeRequest();
        results.push(await post(agent, url, body, headers));
      }
    }),
  );
  agent.destroy();
  return summarize(results, (Date.now() - started) / 1000);
}
