import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { peekStaff } from "@/app/_server/guard";
import { isStaffNetwork } from "@/app/_server/staff-network";
import { SignInForm } from "@/components/auth/SignInForm";
import { roleHome } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";

export const dynamic = "force-dynamic";

/** Only a path on this site: a crafted link must not send a person elsewhere after signing in. */
function returnPath(value: string | undefined): string | null {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : null;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ reason?: string; error?: string; callbackUrl?: string }> }) {
  // Outside the allowed networks there is no form to fill: the 403 page says why.
  if (!isStaffNetwork(await headers())) forbidden();
  const { reason, callbackUrl } = await searchParams;
  const back = returnPath(callbackUrl);
  const staff = await peekStaff();
  if (staff) redirect(back ?? roleHome[staff.staff.role]);
  const notice = reason && reason in ja.signIn.ended ? ja.signIn.ended[reason as keyof typeof ja.signIn.ended] : null;
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <p className="text-sm text-slate-600">{ja.appTagline}</p>
      <h1 className="mb-6 text-2xl font-bold">{ja.signIn.title}</h1>
      <SignInForm notice={notice} returnTo={back} />
    </main>
  );
}
