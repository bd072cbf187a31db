import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { youthChatSessions } from "@/db/schema";
import type { Keyring } from "@/lib/crypto";
import { ensureYouth } from "@/lib/youths";

/** Short: a phone left unlocked on a desk should not stay signed in to a consultation for long. */
export const CHAT_SESSION_MS = 2 * 60 * 60_000;

/** The token is 256 random bits, so a plain SHA-256 suffices; no key is needed to make it unguessable. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Opens a chat session for the LINE user LINE just vouched for. The raw token goes to the cookie only. */
export async function startChatSession(db: Db, lineUserId: string, keyring: Keyring, at: Date): Promise<{ token: string; youthId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(at.getTime() + CHAT_SESSION_MS);
  return db.transaction(async (tx) => {
    const youth = await ensureYouth(tx, lineUserId, keyring);
    await tx.insert(youthChatSessions).values({ tokenHash: hashToken(token), youthId: youth.id, createdAt: at, expiresAt });
    return { token, youthId: youth.id, expiresAt };
  });
}

/** The youth behind a session cookie, or null when it is unknown, expired or revoked. */
export async function resolveChatSession(tx: DbOrTx, token: string, at: Date): Promise<{ youthId: string } | null> {
  if (!token) return null;
  const [row] = await tx
    .select({ youthId: youthChatSessions.youthId })
    .from(youthChatSessions)
    .where(and(eq(youthChatSessions.tokenHash, hashToken(token)), gt(youthChatSessions.expiresAt, at), isNull(youthChatSessions.revokedAt)));
  return row ?? null;
}
