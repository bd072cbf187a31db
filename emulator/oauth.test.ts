import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { control, LOGIN_CHANNEL_ID, manualClock, startEmulator, startReceiver, type Receiver } from "./test-support";

let emulator: Emulator;
let receiver: Receiver;
let clock: ReturnType<typeof manualClock>;
let userId: string;

beforeEach(async () => {
  clock = manualClock();
  receiver = await startReceiver();
  emulator = await startEmulator(receiver.url, { now: clock.now });
  userId = (await control(emulator, "POST", "/users", { displayName: "たろう" })).body.userId;
});

afterEach(async () => {
  await emulator.close();
  await receiver.close();
});

async function issue(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await control(emulator, "POST", "/liff/token", { userId, ...extra });
  expect(res.status).toBe(200);
  return res.body.idToken;
}

async function verify(idToken: string, clientId = LOGIN_CHANNEL_ID, target = emulator) {
  const res = await fetch(`${target.url}/oauth2/v2.1/verify`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ id_token: idToken, client_id: clientId }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("POST /oauth2/v2.1/verify", () => {
  it("accepts a token the emulator issued and answers with LINE's payload", async () => {
    const res = await verify(await issue());
    expect(res.status).toBe(200);
    const iat = Math.floor(clock.now() / 1000);
    expect(res.body).toMatchObject({ iss: "https://access.line.me", sub: userId, aud: LOGIN_CHANNEL_ID, iat, exp: iat + 3600 });
  });

  it("says the token expired after its lifetime", async () => {
    const idToken = await issue({ expiresIn: 600 });
    clock.advance(600_000);
    expect(await verify(idToken)).toEqual({ status: 400, body: { error: "invalid_request", error_description: "IdToken expired." } });
  });

  it("rejects a token checked against another channel, or issued for one", async () => {
    const wrongClient = await verify(await issue(), "9999999999");
    expect(wrongClient).toEqual({ status: 400, body: { error: "invalid_request", error_description: "Invalid IdToken Audience." } });
    const otherAud = await verify(await issue({ aud: "9999999999" }));
    expect(otherAud.body.error_description).toBe("Invalid IdToken Audience.");
  });

  it("rejects a forged token: altered claims, or signed by someone else", async () => {
    const [head, body, signature] = (await issue()).split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, sub: `U${"f".repeat(32)}` })).toString("base64url");
    expect(await verify(`${head}.${altered}.${signature}`)).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "Invalid IdToken." },
    });

    const other = await startEmulator(receiver.url);
    try {
      const otherUser = (await control(other, "POST", "/users", {})).body.userId;
      const foreign = (await control(other, "POST", "/liff/token", { userId: otherUser })).body.idToken;
      expect((await verify(foreign)).body.error_description).toBe("Invalid IdToken.");
    } finally {
      await other.close();
    }
    expect((await verify("not-a-jwt")).status).toBe(400);
  });
});
