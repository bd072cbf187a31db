import Link from "next/link";
import type { ConsultationPhase } from "@/lib/consultations";
import { ja } from "@/lib/i18n/ja";

/**
 * Instead of a bare 403 for a counselor who lost the claim race, or whose consultation a supervisor
 * reassigned: who holds it now (to talk to them), nothing of the conversation, and the way back.
 */
export function RefusedConsultation({ phase, holderName }: { phase: Exclude<ConsultationPhase, "closed">; holderName: string | null }) {
  const t = ja.console.refused;
  return (
    <section aria-labelledby="refused-title" className="mx-auto mt-8 max-w-lg rounded-md border border-amber-400 bg-amber-50 p-6" data-testid="refused">
      <h1 id="refused-title" className="text-xl font-bold">
        {t.title}
      </h1>
      <p className="mt-3">{phase === "active" && holderName ? t.heldBy(holderName) : t.waiting}</p>
      <Link href="/console" className="mt-4 inline-block font-semibold text-brand-700 underline">
        {t.back}
      </Link>
    </section>
  );
}
