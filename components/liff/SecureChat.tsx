"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { buttonClass, dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";
import { ChatBubble } from "./ChatBubble";
import { ChatComposer } from "./ChatComposer";
import { EmergencyPanel, type EmergencyContact } from "./EmergencyPanel";
import { chatApi, type ChatLine, type IntakeState } from "./chat-api";
import { getIdToken, type LiffSettings } from "./get-id-token";
import { IntakeForm } from "./IntakeForm";

type Phase =
  | { kind: "connecting" }
  | { kind: "intake"; form: Extract<IntakeState, { answered: false }> }
  | { kind: "ready" }
  | { kind: "ended" }
  | { kind: "failed"; message: string };

/**
 * The youth's secure chat: signs in with the LIFF ID token, asks the intake when the youth's
 * consultation has none yet, then shows the conversation and refetches it whenever the server says
 * the consultation changed (counselor replies arrive live). The event stream is open only while the
 * page is visible: it is how the server knows the youth is watching, and a youth who switched away
 * should get the LINE notice of a reply.
 */
export function SecureChat({ liff, contacts }: { liff: LiffSettings | null; contacts: EmergencyContact[] }) {
  const [phase, setPhase] = useState<Phase>({ kind: "connecting" });
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const bottom = useRef<HTMLDivElement>(null);
  const openChat = useRef<() => Promise<void>>(async () => {});

  const refresh = useCallback(async () => {
    const answer = await chatApi.messages();
    if (answer.ok) setLines(answer.data.messages);
    else if (answer.status === 401) setPhase({ kind: "failed", message: answer.error ?? ja.liff.sessionEnded });
  }, []);

  useEffect(() => {
    let events: EventSource | null = null;
    let cancelled = false;
    // The stream opens with the chat, not during the intake: being connected means reading the replies.
    let chatting = false;
    const listen = () => {
      events = new EventSource("/api/liff/events");
      events.addEventListener("chat", () => void refresh());
      events.addEventListener("ready", () => void refresh());
    };
    const onVisibility = () => {
      if (document.hidden) {
        events?.close();
        events = null;
      } else if (chatting && !events && !cancelled) listen();
    };
    openChat.current = async () => {
      const first = await chatApi.messages();
      if (cancelled) return;
      if (!first.ok) return setPhase({ kind: "failed", message: first.error ?? ja.liff.sessionEnded });
      setLines(first.data.messages);
      setPhase({ kind: "ready" });
      chatting = true;
      events?.close();
      events = null;
      if (!document.hidden) listen();
    };
    document.addEventListener("visibilitychange", onVisibility);
    void (async () => {
      if (!liff) return setPhase({ kind: "failed", message: ja.liff.notConfigured });
      const idToken = await getIdToken(liff);
      // Without a token (a reload) an earlier session cookie may still be valid; the next call tells.
      if (idToken) {
        const session = await chatApi.startSession(idToken);
        if (!session.ok) return setPhase({ kind: "failed", message: session.error ?? ja.liff.notConfigured });
      }
      const intake = await chatApi.intake();
      if (cancelled) return;
      if (!intake.ok) return setPhase({ kind: "failed", message: idToken ? (intake.error ?? ja.liff.sessionEnded) : ja.liff.openFromLine });
      if (!intake.data.answered) return setPhase({ kind: "intake", form: intake.data });
      await openChat.current();
    })();
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisibility);
      events?.close();
    };
  }, [refresh, liff]);

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [lines]);

  async function send(text: string): Promise<string | null> {
    const answer = await chatApi.send(text);
    if (!answer.ok) return answer.error ?? ja.liff.sendFailed;
    await refresh();
    return null;
  }

  async function end() {
    const answer = await chatApi.end();
    if (!answer.ok) return setPhase({ kind: "failed", message: answer.error ?? ja.liff.sendFailed });
    setConfirmingEnd(false);
    setLines([]);
    setPhase({ kind: "ended" });
  }

  /** A new consultation starts with its own intake. */
  async function consultAgain() {
    const intake = await chatApi.intake();
    if (!intake.ok) return setPhase({ kind: "failed", message: intake.error ?? ja.liff.sessionEnded });
    if (!intake.data.answered) return setPhase({ kind: "intake", form: intake.data });
    await openChat.current();
  }

  async function submitIntake(form: Extract<IntakeState, { answered: false }>, answers: unknown) {
    const answer = await chatApi.submitIntake(form.versionId, answers);
    // Answered meanwhile (another tab): the chat is what the youth needs now.
    if (answer.ok || answer.status === 409) {
      await openChat.current();
      return null;
    }
    if (answer.status === 401) setPhase({ kind: "failed", message: answer.error ?? ja.liff.sessionEnded });
    return { error: answer.error, fieldErrors: answer.fieldErrors };
  }

  return (
    <main className="mx-auto flex h-dvh max-w-xl flex-col bg-slate-50">
      <header className="relative flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-bold">{ja.liff.title}</h1>
        <div className="flex gap-2">
          <EmergencyPanel contacts={contacts} />
          {phase.kind === "ready" && !confirmingEnd && (
            <button type="button" onClick={() => setConfirmingEnd(true)} className={`${secondaryButtonClass} min-h-11 text-base`}>
              {ja.liff.end}
            </button>
          )}
        </div>
      </header>
      {confirmingEnd && (
        <div role="alertdialog" aria-label={ja.liff.end} className="border-b border-red-200 bg-red-50 p-4">
          <p className="text-base">{ja.liff.endConfirm}</p>
          <div className="mt-3 flex gap-3">
            <button type="button" onClick={() => void end()} className={`${dangerButtonClass} min-h-11 flex-1 text-base`}>
              {ja.liff.endYes}
            </button>
            <button type="button" onClick={() => setConfirmingEnd(false)} className={`${secondaryButtonClass} min-h-11 flex-1 text-base`}>
              {ja.liff.endNo}
            </button>
          </div>
        </div>
      )}
      {phase.kind === "connecting" && <p className="p-6 text-center text-slate-600">{ja.liff.connecting}</p>}
      {phase.kind === "failed" && (
        <p role="alert" className="m-4 rounded-xl border border-red-200 bg-white p-4 text-base text-red-800">
          {phase.message}
        </p>
      )}
      {phase.kind === "intake" && (
        <div className="flex-1 overflow-y-auto">
          <IntakeForm definition={phase.form.definition} onSubmit={(answers) => submitIntake(phase.form, answers)} />
        </div>
      )}
      {phase.kind === "ended" && (
        <div className="m-4 rounded-xl bg-white p-4 text-base">
          <p>{ja.liff.ended}</p>
          <button type="button" onClick={() => void consultAgain()} className={`${buttonClass} mt-3 min-h-12 w-full text-base`}>
            {ja.liff.consultAgain}
          </button>
        </div>
      )}
      {phase.kind === "ready" && (
        <>
          {/* The log is the scrolling box, so a keyboard can reach and scroll it; the list inside keeps its list semantics. */}
          <div role="log" aria-label={ja.liff.log} aria-live="polite" tabIndex={0} className="flex-1 overflow-y-auto p-4 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600">
            {lines.length === 0 && <p className="text-center text-slate-600">{ja.liff.empty}</p>}
            <ol className="space-y-3">
              {lines.map((line) => (
                <ChatBubble key={line.id} line={line} />
              ))}
            </ol>
            <div ref={bottom} />
          </div>
          <ChatComposer onSend={send} />
        </>
      )}
    </main>
  );
}
