/**
 * The one way a route reads a request body: never more than `maxBytes` (a declared Content-Length over
 * the cap is refused before reading; a body that grows past it is cancelled at the cap, the rest never
 * buffered) and never longer than `deadlineMs` (a body trickled in slowly holds no worker for long).
 */
export type BodyRead = { ok: true; text: string } | { ok: false; response: Response };

/** Per-route caps: LINE's webhook bodies are large batches; a youth's message, intake or token are small. */
export const bodyLimits = {
  webhook: 1024 * 1024,
  liffMessage: 16 * 1024,
  liffIntake: 16 * 1024,
  liffSurvey: 8 * 1024,
  liffSession: 8 * 1024,
  signIn: 8 * 1024,
} as const;

const DEFAULT_DEADLINE_MS = 10_000;

const tooLarge = () => Response.json({ error: "body too large" }, { status: 413 });
const tooSlow = () => Response.json({ error: "body too slow" }, { status: 408 });

export async function readBody(request: Request, maxBytes: number, deadlineMs = DEFAULT_DEADLINE_MS): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    void request.body?.cancel().catch(() => {});
    return { ok: false, response: tooLarge() };
  }
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deadlineMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), late]);
      if (next === "late") {
        void reader.cancel().catch(() => {});
        return { ok: false, response: tooSlow() };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        return { ok: false, response: tooLarge() };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

/** As readBody, then JSON: a malformed body is `null`, which the route's zod schema refuses as usual. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  const body = await readBody(request, maxBytes);
  if (!body.ok) return body;
  try {
    return { ok: true, json: JSON.parse(body.text) };
  } catch {
    return { ok: true, json: null };
  }
}
