"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { buttonClass, dangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { SurveyDefinition } from "@/lib/forms/client";
import { ja } from "@/lib/i18n/ja";
import { ChatBubble } from "./ChatBubble";
import { ChatComposer } from "./ChatComposer";
import { EasyJapaneseToggle, YouthText } from "./EasyJapanese";
import { EmergencyPanel, type EmergencyContact } from "./EmergencyPanel";
import { chatApi, type ChatLine, type ChatView, type IntakeState } from "./chat-api";
import { getIdToken, type LiffSettings } from "./get-id-token";
import { IntakeForm } from "./IntakeForm";
import { SurveyForm } from "./SurveyForm";

type Phase =
  | { kind: "connecting" }
  | { kind: "intake"; form: Extract<IntakeState, { answered: false }> }
  | { kind: "ready" }
  | { kind: "survey"; definition: SurveyDefinition }
  | { kind: "thanked"; text: string }
  | { kind: "failed"; message: string };

/**
 * The youth's secure chat: signs in with the LIFF ID token, shows a conversation that just ended
 * read-only, asks the intake when the youth's consultation has none yet, then shows the conversation and refetches it whenever the server says
 * the consultation changed (counselor replies arrive live). The event stream is open only while the
 * page is visible: it is how the server knows the youth is watching, and a youth who switched away
 * should get the LINE notice of a reply.
 */
export function SecureChat({ liff, contacts }: { liff: LiffSettings | null; contacts: EmergencyContact[] }) {
  const [phase, setPhase] = useState<Phase>({ kind: "connecting" });
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [view, setView] = useState<Pick<ChatView, "ended" | "status"> | null>(null);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const bottom = useRef<HTMLDivElement>(null);
  const openChat = useRef<() => Promise<void>>(async () => {});

  const refresh = useCallback(async () => {
    const answer = await chatApi.messages();
    if (answer.ok) {
      setLines(answer.data.messages);
      setView({ ended: answer.data.ended, status: answer.data.status });
    } else if (answer.status === 401) setPhase({ kind: "failed", message: answer.error ?? ja.liff.sessionEnded });
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
      events.addEventListener("queue", () => void refresh());
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
      setView({ ended: first.data.ended, status: first.data.status });
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
      // A consultation that ended since the last visit asks its survey first, once.
      const survey = await chatApi.survey();
      if (cancelled) return;
      if (survey.ok && survey.data.pending) return setPhase({ kind: "survey", definition: survey.data.definition });
      // A conversation that just ended is shown (read-only, with 新しく相談する) rather than a blank intake.
      const current = await chatApi.messages();
      if (cancelled) return;
      if (current.ok && current.data.ended) return openChat.current();
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
    await refresh();
    setPhase({ kind: "ready" });
  }

  /** A new consultation starts with its own intake. */
  async function consultAgain() {
    const intake = await chatApi.intake();
    if (!intake.ok) return setPhase({ kind: "failed", message: intake.error ?? ja.liff.sessionEnded });
    if (!intake.data.answered) return setPhase({ kind: "intake", form: intake.data });
    await openChat.current();
  }

  /** After the survey (answered or skipped): the conversation that just ended, read-only, else a new one. */
  async function continueAfterSurvey() {
    const current = await chatApi.messages();
    if (current.ok && current.data.ended) return openChat.current();
    await consultAgain();
  }

  async function submitSurvey(answers: unknown) {
    const answer = await chatApi.submitSurvey(answers);
    if (answer.ok) {
      setPhase({ kind: "thanked", text: answer.data.thanks });
      return null;
    }
    if (answer.status === 401) setPhase({ kind: "failed", message: answer.error ?? ja.liff.sessionEnded });
    return { error: answer.error, fieldErrors: answer.fieldErrors };
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
        <h1 className="text-lg font-bold">
          <YouthText text={ja.liff.title} />
        </h1>
        <div className="flex gap-2">
          <EmergencyPanel contacts={contacts} />
          {phase.kind === "ready" && !view?.ended && !confirmingEnd && (
            <button type="button" onClick={() => setConfirmingEnd(true)} className={`${secondaryButtonClass} min-h-11 text-base`}>
              <YouthText text={ja.liff.end} />
            </button>
          )}
        </div>
      </header>
      <div className="flex justify-end border-b border-slate-200 bg-white px-4 py-2">
        <EasyJapaneseToggle />
      </div>
      {confirmingEnd && (
        <div role="alertdialog" aria-label={ja.liff.end} className="border-b border-red-200 bg-red-50 p-4">
          <p className="text-base">
            <YouthText text={ja.liff.endConfirm} />
          </p>
          <div className="mt-3 flex gap-3">
            <button type="button" onClick={() => void end()} className={`${dangerButtonClass} min-h-11 flex-1 text-base`}>
              <YouthText text={ja.liff.endYes} />
            </button>
            <button type="button" onClick={() => setConfirmingEnd(false)} className={`${secondaryButtonClass} min-h-11 flex-1 text-base`}>
              <YouthText text={ja.liff.endNo} />
            </button>
          </div>
        </div>
      )}
      {phase.kind === "connecting" && <p className="p-6 text-center text-slate-600">
          <YouthText text={ja.liff.connecting} />
        </p>}
      {phase.kind === "failed" && (
        <p role="alert" className="m-4 rounded-xl border border-red-200 bg-white p-4 text-base text-red-800">
          <YouthText text={phase.message} />
        </p>
      )}
      {phase.kind === "intake" && (
        <div className="flex-1 overflow-y-auto">
          <IntakeForm definition={phase.form.definition} onSubmit={(answers) => submitIntake(phase.form, answers)} />
        </div>
      )}
      {phase.kind === "survey" && (
        <div className="flex-1 overflow-y-auto">
          <SurveyForm definition={phase.definition} onSubmit={submitSurvey} />
        </div>
      )}
      {phase.kind === "thanked" && (
        <div className="m-4 rounded-xl bg-white p-4 text-base" data-testid="survey-thanks">
          <p>{phase.text}</p>
          <button type="button" onClick={() => void continueAfterSurvey()} className={`${buttonClass} mt-3 min-h-12 w-full text-base`}>
            {ja.survey.next}
          </button>
        </div>
      )}
      {phase.kind === "ready" && (
        <>
          {view?.status.state === "waiting" && !view.ended && (
            <p role="status" data-testid="queue-status" className={`border-b px-4 py-2 text-sm ${view.status.busy ? "border-amber-200 bg-amber-50" : "border-slate-200 bg-white"}`}>
              {view.status.text}
            </p>
          )}
          {/* The log is the scrolling box, so a keyboard can reach and scroll it; the list inside keeps its list semantics. */}
          <div role="log" aria-label={ja.liff.log} aria-live="polite" tabIndex={0} className="flex-1 overflow-y-auto p-4 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600">
            {lines.length === 0 && (
              <p className="text-center text-slate-600">
                <YouthText text={ja.liff.empty} />
              </p>
            )}
            <ol className="space-y-3">
              {lines.map((line) => (
                <ChatBubble key={line.id} line={line} />
              ))}
            </ol>
            <div ref={bottom} />
          </div>
          {view?.ended ? (
            <div className="border-t border-slate-200 bg-white p-4 text-base">
              <p>
                <YouthText text={ja.queueStatus.ended} />
              </p>
              <button type="button" onClick={() => void consultAgain()} className={`${buttonClass} mt-3 min-h-12 w-full text-base`}>
                <YouthText text={ja.liff.consultAgain} />
              </button>
            </div>
          ) : (
            <ChatComposer onSend={send} />
          )}
        </>
      )}
    </main>
  );
}
