import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { getAuthOptions } from "@/app/_server/auth-options";
import { bodyLimits, readBody } from "@/app/_server/read-body";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET };

/**
 * next-auth reads the whole body itself (sign-in, sign-out, CSRF forms are a few hundred bytes), so the
 * body is read here under a small cap first and next-auth is handed the request rebuilt from it.
 */
export async function POST(request: NextRequest, context: Context) {
  const body = await readBody(request, bodyLimits.signIn);
  if (!body.ok) return body.response;
  return handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.text }), context);
}
