import { randomBytes } from "node:crypto";
import type { Db } from "@/db";
import { createStaff } from "@/lib/auth";
import type { Keyring } from "@/lib/crypto";
import { ensureYouth } from "@/lib/youths";
import type { ConsoleActor } from "../actor";
import { receiveYouthMessage } from "../receive-youth-message";

/** Test helpers: staff of each console role, and a youth who writes. */
export async function makeStaff(db: Db, loginId: string, role: "counselor" | "supervisor" | "admin"): Promise<ConsoleActor> {
  const { id } = await createStaff(
    db,
    { loginId, displayName: loginId, role, qualifications: role === "admin" ? [] : ["social_worker"], password: "long enough password" },
    null,
  );
  return { id, loginId, role };
}

export async function youthWrites(db: Db, keyring: Keyring, text: string, options: { lineUserId?: string; at?: Date } = {}) {
  const lineUserId = options.lineUserId ?? "U" + randomBytes(16).toString("hex");
  const youth = await ensureYouth(db, lineUserId, keyring);
  const received = await receiveYouthMessage(db, { youthId: youth.id, via: "line", kind: "text", text, sentAt: options.at ?? new Date() }, keyring);
  return { ...received, youthId: youth.id, lineUserId };
}
