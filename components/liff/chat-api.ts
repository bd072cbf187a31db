import type { IntakeDefinition, SurveyDefinition } from "@/lib/forms/client";

/** The secure chat's calls to its own routes; every answer's error is already a Japanese sentence. */
export interface ChatLine {
  id: string;
  sender: "youth" | "counselor" | "system";
  text: string;
  sentAt: string;
}

/** Where the youth stands (lib/autoreply QueueStatus): the text is what they are told. */
export type QueueStatus = { state: "none" | "talking" | "waiting"; text: string; position?: number | null; busy?: boolean };

export interface ChatView {
  consultationId: string | null;
  ended: boolean;
  messages: ChatLine[];
  status: QueueStatus;
}

/** The intake version the youth is shown (its definition is lib/forms' IntakeDefinition). */
export type IntakeState = { answered: true } | { answered: false; versionId: string; version: number; definition: IntakeDefinition };

type Answer<T> = { ok: true; data: T } | { ok: false; status: number; error: string | null; fieldErrors?: Record<string, string> };

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<Answer<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const json = (await response.json().catch(() => null)) as (T & { error?: string; fieldErrors?: Record<string, string> }) | null;
    if (response.ok && json) return { ok: true, data: json };
    return { ok: false, status: response.status, error: json?.error ?? null, fieldErrors: json?.fieldErrors };
  } catch {
    return { ok: false, status: 0, error: null };
  }
}

export const chatApi = {
  startSession: (idToken: string) => call<{ ok: true }>("POST", "/api/liff/session", { idToken }),
  messages: () => call<ChatView>("GET", "/api/liff/messages"),
  send: (text: string) => call<{ ok: true }>("POST", "/api/liff/messages", { text }),
  end: () => call<{ ended: boolean }>("POST", "/api/liff/end", {}),
  intake: () => call<IntakeState>("GET", "/api/liff/intake"),
  submitIntake: (versionId: string, answers: unknown) => call<{ ok: true }>("POST", "/api/liff/intake", { versionId, answers }),
  survey: () => call<{ pending: false } | { pending: true; definition: SurveyDefinition }>("GET", "/api/liff/survey"),
  submitSurvey: (answers: unknown) => call<{ ok: true; thanks: string }>("POST", "/api/liff/survey", { answers }),
};
