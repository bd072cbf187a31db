"use client";

import { signOut } from "next-auth/react";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ja } from "@/lib/i18n/ja";

export function SignOutButton() {
  return (
    <button type="button" className={secondaryButtonClass} onClick={() => signOut({ callbackUrl: "/signin?reason=sign_out" })}>
      {ja.signIn.signOut}
    </button>
  );
}
