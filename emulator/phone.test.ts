import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { startEmulator, startReceiver, type Receiver } from "./test-support";

let emulator: Emulator;
let receiver: Receiver;

beforeEach(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url, { liffId: "1234567890-abcdefgh", liffUrl: "http://127.0.0.1:3000/liff" });
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

describe("phone page", () => {
  it("serves the Japanese phone page with a CSP that allows only its own scripts", async () => {
    const res = await fetch(`${emulator.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    const html = await res.text();
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('src="/phone/phone.js"');
    for (const script of ["/phone/phone.js", "/phone/render.js"]) {
      const js = await fetch(emulator.url + script);
      expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    }
  });

  it("serves nothing else from the emulator folder", async () => {
    for (const path of ["/phone/../server.ts", "/phone/index.html/../../state.ts", "/server.ts", "/phone/"]) {
      expect((await fetch(emulator.url + path)).status, path).toBe(404);
    }
  });

  it("tells the phone where LIFF apps live", async () => {
    const res = await fetch(`${emulator.url}/_emulator/config`);
    expect(await res.json()).toMatchObject({ liffId: "1234567890-abcdefgh", liffUrl: "http://127.0.0.1:3000/liff", destination: expect.stringMatching(/^U/) });
  });
});
