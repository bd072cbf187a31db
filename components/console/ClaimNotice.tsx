"use client";

import { useEffect, useState } from "react";

const EVENT = "soudan:claim-refused";

/** Tells the queue page why a claim failed; the button itself may already be gone from the live queue. */
export function announceClaimRefused(message: string): void {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: message }));
}

export function ClaimNotice() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const show = (event: Event) => setMessage((event as CustomEvent<string>).detail);
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
      {message}
    </p>
  );
}
