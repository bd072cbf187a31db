"use client";

import { useEffect } from "react";
import { createReplyDraftStore } from "@/lib/consultations/client";

/**
 * Rendered where a consultation is no longer this person's to answer (closed, transferred away, lost):
 * the half-typed reply to it can never be sent, so it does not stay in this browser.
 */
export function ForgetReplyDraft({ staffId, consultationId }: { staffId: string; consultationId: string }) {
  useEffect(() => {
    if (typeof localStorage !== "undefined") createReplyDraftStore(localStorage).clear(staffId, consultationId);
  }, [staffId, consultationId]);
  return null;
}
