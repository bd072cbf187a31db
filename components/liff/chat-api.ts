/** The secure chat's calls to its own routes; every answer's error is already a Japanese sentence. */
export interface ChatLine {
  id: string;
  sender: "youth" | "counselor" | "system";
  text: string;
  sentAt: string;
}

type Answer<T> = { ok: true; data: T } | { ok: false; status: number; error: string | null };

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<Answer<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const json = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
    if (response.ok && json) return { ok: true, data: json };
    return { ok: false, status: response.status, error: json?.error ?? null };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}

export const chatApi = {
  startSession: (idToken: string) => call<{ ok: true }>("POST", "/api/liff/session", { idToken }),
  messages: () => call<{ consultationId: string | null; messages: ChatLine[] }>("GET", "/api/liff/messages"),
  send: (text: string) => call<{ ok: true }>("POST", "/api/liff/messages", { text }),
  end: () => call<{ ended: boolean }>("POST", "/api/liff/end", {}),
};
