import { getDatabaseBreaker } from "@/app/_server/database";

export const dynamic = "force-dynamic";

/** For load balancers and the demo script: 200 only when the database answers, and an answer within a second either way. */
export async function GET() {
  if (await getDatabaseBreaker().check()) return Response.json({ status: "ok" });
  return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
}
