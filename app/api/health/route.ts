import { sql } from "drizzle-orm";
import { getDb } from "@/app/_server/database";

export const dynamic = "force-dynamic";

/** For load balancers and the demo script: 200 only when the database answers. */
export async function GET() {
  try {
    await (await getDb()).execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
