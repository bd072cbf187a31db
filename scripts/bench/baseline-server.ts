import { createServer } from "node:http";
import { validateSignature } from "@line/bot-sdk";

/**
 * The webhook benchmark's bare baseline, outside the product: node:http reading the whole body and
 * checking its LINE signature, with no framework and no database. `npm run bench:webhook` runs it as
 * its own process (PORT, LINE_CHANNEL_SECRET), so it does not share the load generator's event loop.
 */
const secret = process.env.LINE_CHANNEL_SECRET;
if (!secret) throw new Error("LINE_CHANNEL_SECRET is required");

createServer((request, response) => {
  // GET is the readiness probe, as /api/health is for the app.
  if (request.method === "GET") return void response.writeHead(200).end();
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const signature = request.headers["x-line-signature"];
    const ok = typeof signature === "string" && validateSignature(Buffer.concat(chunks).toString("utf8"), secret, signature);
    response.writeHead(ok ? 200 : 401).end();
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
