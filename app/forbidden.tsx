import { headers } from "next/headers";
import Link from "next/link";
import { isStaffNetwork } from "@/app/_server/staff-network";
import { ja } from "@/lib/i18n/ja";

/** 403: no permission, or (R14) a device outside the networks staff may work from, which says so. */
export default async function Forbidden() {
  if (!isStaffNetwork(await headers())) {
    return (
      <main className="mx-auto max-w-lg px-4 py-16 text-center">
        <h1 className="text-xl font-bold">{ja.networkRefused.title}</h1>
        <p className="mt-4">{ja.networkRefused.body}</p>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-xl font-bold">{ja.forbidden.title}</h1>
      <p className="mt-4">{ja.errors.forbidden}</p>
      <Link href="/" className="mt-6 inline-block underline">
        {ja.forbidden.back}
      </Link>
    </main>
  );
}
