"use client";

import { signOut } from "next-auth/react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { createReplyDraftStore } from "@/lib/consultations/client";
import { ja } from "@/lib/i18n/ja";

/**
 * The explicit sign-out: the PC may go to someone else next, so every reply draft in this browser
 * goes with it (the idle sign-out keeps them, to be picked up after signing back in).
 */
export function SignOutButton() {
  return (
    <button
      type="button"
      className={secondaryButtonClass}
      onClick={() => {
        if (typeof localStorage !== "undefined") createReplyDraftStore(localStorage).clearAll();
        void signOut({ callbackUrl: "/signin?reason=sign_out" });
      }}
    >
      {ja.signIn.signOut}
    </button>
  );
}
