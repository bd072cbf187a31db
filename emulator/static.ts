import { readFile } from "node:fs/promises";
import type { Reply } from "./http";

/** A fixed list, not a directory: nothing else under emulator/ can be read through the server. */
const FILES: Record<string, { file: string; contentType: string }> = {
  "/": { file: "index.html", contentType: "text/html; charset=utf-8" },
  "/phone/phone.css": { file: "phone.css", contentType: "text/css; charset=utf-8" },
  "/phone/phone.js": { file: "phone.js", contentType: "text/javascript; charset=utf-8" },
  "/phone/render.js": { file: "render.js", contentType: "text/javascript; charset=utf-8" },
};

// Bot and app content is shown in an iframe (LIFF pages, links), so frames may come from anywhere;
// scripts only from the emulator itself.
const CSP = "default-src 'self'; img-src 'self' data: http: https:; frame-src http: https:; object-src 'none'; base-uri 'none'";

export async function serveStatic(path: string): Promise<Reply | null> {
  const entry = FILES[path];
  if (!entry) return null;
  const body = await readFile(new URL(`./phone/${entry.file}`, import.meta.url));
  return {
    status: 200,
    raw: { body, contentType: entry.contentType },
    headers: { "content-security-policy": CSP, "cache-control": "no-store", "x-content-type-options": "nosniff" },
  };
}
