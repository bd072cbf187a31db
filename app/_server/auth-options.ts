import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/app/_server/database";
import { AuthError, authenticateStaff, signOutStaff } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { getKeyring, getSessionSecret } from "@/lib/crypto";
import { clientAddress } from "./client-address";

/** The absolute cap on a sign-in; the idle timeout (lib/auth) usually ends it much sooner. */
const MAX_SESSION_SECONDS = 12 * 60 * 60;

export function publicUrl(): string {
  const config = getConfig();
  return config.SOUDAN_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

export function getAuthOptions(): AuthOptions {
  const config = getConfig();
  process.env.NEXTAUTH_URL ??= publicUrl();
  return {
    secret: getSessionSecret(),
    session: { strategy: "jwt", maxAge: MAX_SESSION_SECONDS },
    jwt: { maxAge: MAX_SESSION_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Soudan",
        credentials: { loginId: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, request) {
          const loginId = credentials?.loginId ?? "";
          const password = credentials?.password ?? "";
          if (!loginId || !password) throw new Error("invalid_credentials");
          try {
            const signed = await authenticateStaff(
              await getDb(),
              { loginId, password, code: credentials?.code || undefined, address: clientAddress(new Headers(request?.headers as Record<string, string> | undefined), config.SOUDAN_TRUSTED_PROXY_HEADER) },
              {
                requireSecondFactor: !config.SOUDAN_DEMO,
                lockoutThreshold: config.SOUDAN_LOCKOUT_THRESHOLD,
                lockoutMinutes: config.SOUDAN_LOCKOUT_MINUTES,
                addressLimit: config.SOUDAN_SIGNIN_ADDRESS_LIMIT,
                keyring: getKeyring(),
              },
            );
            return { id: signed.staffId, sid: signed.sessionId };
          } catch (error) {
            // next-auth hands the message to the sign-in form, which shows it in Japanese (lib/i18n errorMessage).
            if (error instanceof AuthError && error.code === "throttled") throw new Error(`throttled:${error.retryAfterMinutes ?? 1}`);
            if (error instanceof AuthError) throw new Error(error.code);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sid" in user) token.sid = user.sid as string;
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await signOutStaff(await getDb(), token.sid);
      },
    },
  };
}
