"use client";

import { signOut } from "next-auth/react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { keepSessionAliveAction } from "@/app/_actions/console";
import { buttonClass } from "@/components/ui/styles";
import { createSharedIdleActivity } from "@/lib/auth/client";
import { ja } from "@/lib/i18n/ja";

/** The warning shows this long before the idle sign-out. */
const WARN_BEFORE_MS = 2 * 60_000;
/** Activity reaches the server at most this often; the server only moves its marker once a minute anyway. */
const PING_EVERY_MS = 30_000;
/**
 * The server counts idleness from the last request it saw, which may be up to a minute older than the
 * last ping; signing out this much earlier here means the server never ends the session first.
 */
const SERVER_SLACK_MS = 60_000;

/**
 * The idle sign-out, made visible: two minutes before it a dialog warns, and any key or click keeps
 * the session (and tells the server). Idleness is the whole browser's (lib/auth shared idle activity):
 * a key in any staff tab keeps every tab, and the warning shows in each. At the end it signs out and the sign-in page says why, then
 * brings the counselor back to this page. The reply draft is in this browser, so nothing typed is lost.
 */
export function IdleGuard({ idleMinutes }: { idleMinutes: number }) {
  const path = usePathname();
  const lastPing = useRef(0);
  const [left, setLeft] = useState<number | null>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const extend = useRef<() => void>(() => {});
  const warned = left !== null;

  useEffect(() => {
    const limit = idleMinutes * 60_000 - SERVER_SLACK_MS;
    const activity = createSharedIdleActivity(typeof localStorage === "undefined" ? null : localStorage);
    // Loading this page was a request: the server counts it as activity, and so do the other tabs.
    activity.touch();
    lastPing.current = Date.now();
    let ended = false;
    const active = () => {
      activity.touch();
      setLeft(null);
      if (Date.now() - lastPing.current < PING_EVERY_MS) return;
      lastPing.current = Date.now();
      void keepSessionAliveAction();
    };
    extend.current = active;
    const tick = () => {
      const remaining = activity.last() + limit - Date.now();
      if (remaining <= 0 && !ended) {
        ended = true;
        void signOut({ callbackUrl: `/signin?reason=idle&callbackUrl=${encodeURIComponent(path)}` });
      } else setLeft(remaining <= WARN_BEFORE_MS ? remaining : null);
    };
    const timer = setInterval(tick, 1000);
    window.addEventListener("keydown", active, true);
    window.addEventListener("pointerdown", active, true);
    // Another tab's keystroke: its warning-free state shows here at once, not at the next tick.
    window.addEventListener("storage", tick);
    return () => {
      clearInterval(timer);
      window.removeEventListener("keydown", active, true);
      window.removeEventListener("pointerdown", active, true);
      window.removeEventListener("storage", tick);
    };
  }, [idleMinutes, path]);

  useEffect(() => {
    if (warned) stay.current?.focus({ preventScroll: true });
  }, [warned]);

  if (left === null) return null;
  return (
    <div role="alertdialog" aria-modal="false" aria-labelledby="idle-title" aria-describedby="idle-body" className="fixed inset-x-0 top-4 z-50 mx-auto w-fit max-w-lg rounded-md border-2 border-amber-500 bg-amber-50 p-4 shadow-xl" data-testid="idle-warning">
      <p id="idle-title" className="font-bold">
        {ja.console.idle.title}
      </p>
      <p id="idle-body" className="mt-1 text-sm">
        {ja.console.idle.body(Math.max(1, Math.ceil(left / 60_000)))}
      </p>
      <button type="button" ref={stay} className={`${buttonClass} mt-2`} onClick={() => extend.current()}>
        {ja.console.idle.stay}
      </button>
    </div>
  );
}
