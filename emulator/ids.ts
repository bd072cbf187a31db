import { randomBytes, randomInt, randomUUID } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** ULID (26 chars, Crockford base32, 48-bit time + 80-bit randomness), the format LINE uses for webhookEventId. */
export function newUlid(nowMs: number): string {
  let time = "";
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  let rand = "";
  for (let i = 0; i < 16; i++) rand += CROCKFORD.charAt(randomInt(32));
  return time + rand;
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

export const newUserId = () => `U${hex(16)}`;
export const newReplyToken = () => hex(16);
export const newRichMenuId = () => `richmenu-${hex(16)}`;
export const newOpaqueToken = () => randomBytes(48).toString("base64url");
export const newRequestId = () => randomUUID();

let messageSeq = 0;
/** LINE message ids are numeric strings of about 18 digits; time + counter keeps them unique and ordered. */
export function newMessageId(nowMs: number): string {
  messageSeq = (messageSeq + 1) % 100_000;
  return `${nowMs}${String(messageSeq).padStart(5, "0")}`;
}
