import { isIP } from "node:net";
import { z } from "zod";

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes in base64 (openssl rand -base64 32)");

const flag = z
  .enum(["0", "1", "true", "false"])
  .transform((v) => v === "1" || v === "true");

/** One network of SOUDAN_STAFF_ALLOWED_CIDRS: 192.0.2.0/24, 2001:db8::/32, or a bare address (one host). */
const staffNetwork = z.string().transform((value, ctx) => {
  const [address = "", prefixText, extra] = value.split("/");
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (family === 0 || extra !== undefined || !(prefix >= 0 && prefix <= bits)) {
    ctx.addIssue({ code: "custom", message: `has "${value}", which is not a network such as 192.0.2.0/24 or 2001:db8::/32` });
    return z.NEVER;
  }
  return { address, prefix, family: family === 4 ? ("ipv4" as const) : ("ipv6" as const) };
});

export type StaffNetwork = z.output<typeof staffNetwork>;

/** Every environment variable Soudan reads. `.env.example` documents each one. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SOUDAN_PUBLIC_URL: z.string().url().optional(),
  SOUDAN_DEMO: flag.default(false),
  SOUDAN_ENCRYPTION_KEY: base64Key.optional(),
  SOUDAN_ENCRYPTION_KEYS_OLD: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((k) => k.trim()).filter(Boolean) : []))
    .pipe(z.array(base64Key)),
  SOUDAN_TIME_ORIGIN: z.iso.datetime({ offset: true }).optional(),
  SOUDAN_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SOUDAN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  SOUDAN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Failed sign-ins from one client address (any login id) before it waits SOUDAN_LOCKOUT_MINUTES. */
  SOUDAN_SIGNIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).max(10_000).default(30),
  /**
   * The header the reverse proxy in front of the app sets to the client's address (e.g. x-forwarded-for,
   * whose last entry is the one the proxy added). Unset: the app sees no address and only the
   * per-login sign-in throttle applies.
   */
  SOUDAN_TRUSTED_PROXY_HEADER: z.string().trim().toLowerCase().regex(/^[a-z0-9-]+$/).optional(),
  /**
   * The networks staff may sign in and use the console from (R14), comma-separated. Unset: any network.
   * The LINE webhook, the health check and the youth's pages stay open to all.
   */
  SOUDAN_STAFF_ALLOWED_CIDRS: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(",").map((n) => n.trim()).filter(Boolean)))
    .pipe(z.array(staffNetwork).min(1, "must list at least one network, such as 192.0.2.0/24").optional()),
  LINE_CHANNEL_SECRET: z.string().min(1).optional(),
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(1).optional(),
  LINE_API_BASE_URL: z.string().url().default("https://api.line.me"),
  LINE_DATA_API_BASE_URL: z.string().url().default("https://api-data.line.me"),
  LINE_LOGIN_CHANNEL_ID: z.string().min(1).optional(),
  LIFF_ID: z.string().min(1).optional(),
  CHAT_MODE: z.enum(["secure", "line"]).default("secure"),
  /** The safety plan counselors make with a youth and send to their chat; a deployment may turn it off. */
  SOUDAN_SAFETY_PLAN: z.enum(["on", "off"]).default("on"),
  /** At closing time, youth still waiting stay queued for the next session (keep) or their consultations end (close). */
  /** 0 makes an instance serve requests only, leaving the LINE workers and timers to the others. */
  SOUDAN_WORKERS: flag.default(true),
  SOUDAN_CLOSING_POLICY: z.enum(["keep", "close"]).default("keep"),
  /** How many consultations one counselor may hold at once (tabs in the console). */
  SOUDAN_MAX_CONSULTATIONS_PER_COUNSELOR: z.coerce.number().int().min(1).max(20).default(3),
  /** A held consultation with no youth message for this long closes with a message to the youth. */
  /** The municipality named in every report's header (委託者), e.g. 武雄市. */
  SOUDAN_MUNICIPALITY_NAME: z.string().trim().min(1).max(60).optional(),
  SOUDAN_INACTIVITY_CLOSE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  // ---- On-call alerts (issue 12): who is told, out of band, of a high-risk message or an emergency ----
  /** smtp://user:pass@host:587 (or smtps://…:465); unset: no e-mail, alerts show only in the console. */
  SOUDAN_SMTP_URL: z.string().url().refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://").optional(),
  /** The sender of alert e-mails: an address, or `Name <address>`. */
  SOUDAN_ALERT_FROM: z.string().trim().min(3).default("Soudan <soudan@localhost>"),
  /** The default on-call list: who gets the e-mail when no roster entry covers the time. */
  SOUDAN_ALERT_EMAIL_TO: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((a) => a.trim()).filter(Boolean) : []))
    .pipe(z.array(z.email())),
  /** An incoming webhook (Slack, Teams, LINE WORKS…): a signed JSON POST per alert. */
  SOUDAN_ALERT_WEBHOOK_URL: z.string().url().refine((v) => /^https?:\/\//.test(v), "must be an http(s) URL").optional(),
  /** An unacknowledged alert of a consultation nobody has taken is sent again this often (fractions allowed, so tests need not wait minutes). */
  SOUDAN_ALERT_RESEND_MINUTES: z.coerce.number().min(0.25).max(24 * 60).default(10),
  // ---- end of on-call alerts ----
  // ---- retention (issue 14) ----
  /** Days a processed LINE inbox event and a settled outbox call keep their payload (the rows stay, for counts). */
  SOUDAN_RETENTION_PAYLOAD_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Months after a consultation closed before its content is erased (counts and times stay); 0 keeps it until destruction. */
  SOUDAN_RETENTION_CONTENT_MONTHS: z.coerce.number().int().min(0).max(120).default(12),
  // ---- end of retention ----
}).superRefine((env, ctx) => {
  // Route handlers see no socket: without the proxy's header every staff request would look foreign.
  if (env.SOUDAN_STAFF_ALLOWED_CIDRS && !env.SOUDAN_TRUSTED_PROXY_HEADER) {
    ctx.addIssue({ code: "custom", path: ["SOUDAN_STAFF_ALLOWED_CIDRS"], message: "needs SOUDAN_TRUSTED_PROXY_HEADER: the client's address is read only from the reverse proxy's header" });
  }
});

export type Env = z.infer<typeof envSchema>;

/** What the running app needs beyond the bare environment: it never starts without its key (the demo generates one). */
export const runtimeEnvSchema = envSchema.superRefine((env, ctx) => {
  if (!env.SOUDAN_ENCRYPTION_KEY) {
    ctx.addIssue({ code: "custom", path: ["SOUDAN_ENCRYPTION_KEY"], message: "is required (openssl rand -base64 32)" });
  }
});
