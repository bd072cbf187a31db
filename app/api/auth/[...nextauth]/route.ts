import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { getAuthOptions } from "@/app/_server/auth-options";
import { bodyLimits, readBody } from "@/app/_server/read-body";
import { isStaffNetwork, logStaffNetworkRefusal } from "@/app/_server/staff-network";

type Context = { params: Promise<{ nextauth: string[] }> };

/** Sign-in, sign-out, the session and CSRF endpoints are staff-only: refused outside the allowed networks (R14). */
function refuseOutsideNetwork(request: NextRequest): Response | null {
  if (isStaffNetwork(request.headers)) return null;
  logStaffNetworkRefusal("sign-in");
  return Response.json({ error: "network_not_allowed" }, { status: 403 });
}

async function nextAuth(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export async function GET(request: NextRequest, context: Context) {
  return refuseOutsideNetwork(request) ?? nextAuth(request, context);
}

/**
 * next-auth reads the whole body itself (sign-in, sign-out, CSRF forms are a few hundred bytes), so the
 * body is read here under a small cap first and next-auth is handed the request rebuilt from it.
 */
export async function POST(request: NextRequest, context: Context) {
  const refused = refuseOutsideNetwork(request);
  if (refused) return refused;
  const body = await readBody(request, bodyLimits.signIn);
  if (!body.ok) return body.response;
  return nextAuth(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.text }), context);
}
