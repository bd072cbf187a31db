import Link from "next/link";
import { canStaff, type Action, type Role } from "@/lib/auth";
import { ja } from "@/lib/i18n/ja";
import { SignOutButton } from "./SignOutButton";

const links: { href: string; label: string; action: Action }[] = [
  { href: "/console", label: ja.nav.console, action: "console.use" },
  { href: "/supervisor", label: ja.nav.supervisor, action: "consultations.supervise" },
  { href: "/reports", label: ja.nav.reports, action: "reports.view" },
  { href: "/records", label: ja.nav.records, action: "records.inspect" },
  { href: "/admin/schedule", label: ja.nav.schedule, action: "schedule.manage" },
  { href: "/admin/staff", label: ja.nav.staff, action: "staff.manage" },
  { href: "/admin/audit", label: ja.nav.audit, action: "audit.view" },
  { href: "/admin/line", label: ja.nav.line, action: "line.monitor" },
  { href: "/admin/canned", label: ja.nav.canned, action: "canned.manage" },
  { href: "/admin/agencies", label: ja.nav.agencies, action: "agencies.manage" },
  { href: "/admin/on-call", label: ja.nav.onCall, action: "oncall.manage" },
  { href: "/admin/forms", label: ja.nav.forms, action: "forms.manage" },
  { href: "/admin/risk", label: ja.nav.risk, action: "risk.manage" },
  { href: "/admin/emergency-contacts", label: ja.nav.emergencyContactKinds, action: "emergency_contact_kinds.manage" },
  { href: "/admin/retention", label: ja.nav.retention, action: "retention.view" },
  { href: "/admin/incidents", label: ja.nav.incidents, action: "incidents.manage" },
  { href: "/account", label: ja.nav.account, action: "account.manage_own" },
];

export function StaffShell({
  staff,
  children,
}: {
  staff: { displayName: string; role: Role; grants?: readonly string[] };
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <span className="font-bold text-brand-700">{ja.appName}</span>
          <nav aria-label={ja.nav.label} className="flex flex-wrap gap-1">
            {links
              .filter((l) => canStaff(staff, l.action))
              .map((l) => (
                <Link key={l.href} href={l.href} className="rounded px-2 py-1 text-sm hover:bg-slate-100">
                  {l.label}
                </Link>
              ))}
          </nav>
          <span className="ml-auto text-sm text-slate-600" data-testid="whoami">
            {staff.displayName}（{ja.roles[staff.role]}）
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
