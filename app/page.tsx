import { redirect } from "next/navigation";
import { peekStaff } from "@/app/_server/guard";
import { roleHome } from "@/lib/auth";

export const dynamic = "force-dynamic";

export default async function Home() {
  const staff = await peekStaff();
  redirect(staff ? roleHome[staff.staff.role] : "/signin");
}
