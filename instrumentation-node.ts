import { setFlagsFromString } from "node:v8";
import { checkpointAudit } from "@/app/_server/audit-checkpoint";
import { getDatabase } from "@/app/_server/database";
import type { Database } from "@/db/client";
import { createHttpWebhook, createSmtpMailer, raiseOperationalAlert, SIGNATURE_HEADER, startAlertWorker } from "@/lib/alerts";
import { sendClosingNotices } from "@/lib/autoreply";
import { announceMessageDelivery, backfillConsultationTimings, closeInactiveConsultations } from "@/lib/consultations";
import { now } from "@/lib/clock";
import { getConfig, type Env } from "@/lib/config";
import { getKeyring } from "@/lib/crypto";
import { describeError, startWorkerLoop, type WorkerLoop } from "@/lib/jobs";
import { describeLiffApp } from "@/lib/liff";
import { startLineQuotaWatch, startLineWorkers, stopLineWorkers, wakeLineWorkers } from "@/lib/line";
import { createSdkLineApi, startOutboxWorker, stopOutboxWorker, type LineApi } from "@/lib/line-api";
import { recordFollowerSnapshot } from "@/lib/reports";
import { retentionSettingsOf, startRetentionJob } from "@/lib/retention";
import { isOnCallPagingConfigured } from "@/lib/safety";

/** Configuration is checked, migrations applied and the LINE workers started before the first request. */
export async function startServer(): Promise<void> {
  // V8 sizes the heap for the machine's memory and grows it far ahead of need while requests keep coming
  // (the app peaked near 600 MB under a webhook burst, 400 MB with this); a small city's server has little to spare.
  setFlagsFromString("--heap-growing-percent=20");
  let config;
  try {
    config = getConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const database = await getDatabase();
  console.info(`[soudan] database ready (${database.kind})`);
  const api = config.LINE_CHANNEL_ACCESS_TOKEN
    ? createSdkLineApi({ channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN, baseURL: config.LINE_API_BASE_URL })
    : null;
  if (!api) console.warn("[soudan] LINE_CHANNEL_ACCESS_TOKEN is not set: events are received, but nothing is sent to LINE");
  const loops = config.SOUDAN_WORKERS ? startBackgroundWork(database, config, api) : [];
  // Consultations closed before their timings were recorded (an upgrade) get them once, in the background.
  if (config.SOUDAN_WORKERS) {
    void backfillConsultationTimings(database.db, now()).then(
      (filled) => filled > 0 && console.info(`[soudan] recorded the timings of ${filled} earlier consultations`),
      (error: unknown) => console.error(`[soudan] timings backfill failed: ${describeError(error)}`),
    );
  }
  if (!config.SOUDAN_WORKERS) console.info("[soudan] SOUDAN_WORKERS=0: this instance serves requests only");
  // The embedded database must be closed cleanly: it flushes to disk and releases DATA_DIR's lock.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void Promise.all([stopLineWorkers(), stopOutboxWorker(), ...loops.map((l) => l.stop())])
        .then(() => database.close())
        .finally(() => process.exit(0));
    });
  }
}

/** The LINE inbox and outbox, LINE's quota, closing-time notices, inactivity closing, on-call alerts, audit checkpoints and retention; safe to run in several instances. */
function startBackgroundWork(database: Database, config: Env, api: LineApi | null): WorkerLoop[] {
  const secureChat = config.CHAT_MODE === "secure" ? { liffUrl: describeLiffApp(config).url } : undefined;
  // PostgreSQL handles several events at once (each loop waits on its own connection most of the time);
  // PGlite has one connection, where a second loop would only queue behind the first.
  startLineWorkers(
    database.db,
    { keyring: getKeyring(), now, chatMode: config.CHAT_MODE, secureChat, pagingConfigured: isOnCallPagingConfigured(config) },
    // On PGlite the one loop's queries run on this thread, so it leaves two thirds of it to the webhook.
    database.kind === "postgres" ? { loops: 4, pauseFactor: 1 } : { loops: 1, pauseFactor: 2 },
  );
  const quotaWatch = api ? [startLineQuotaWatch(database.db, { api, now })] : [];
  // 友だち登録数 for the reports: yesterday's figure, asked for every hour until LINE has it.
  const followers = api
    ? [
        startWorkerLoop(
          "line followers",
          async () => {
            await recordFollowerSnapshot(database.db, { api, at: now() });
            return false;
          },
          3_600_000,
        ),
      ]
    : [];
  if (api) {
    startOutboxWorker(database.db, {
      api,
      keyring: getKeyring(),
      now,
      onSettled: announceMessageDelivery,
      onMonthlyLimit: (tx, at) => raiseOperationalAlert(tx, { kind: "line_monthly_limit", at }).then(() => undefined),
    });
  }
  const closing = startWorkerLoop(
    "closing notices",
    async () => {
      if ((await sendClosingNotices(database.db, { at: now(), keyring: getKeyring(), policy: config.SOUDAN_CLOSING_POLICY })) > 0) wakeLineWorkers();
      return false;
    },
    30_000,
  );
  const inactivity = startWorkerLoop(
    "inactivity",
    async () => {
      const closed = await closeInactiveConsultations(database.db, { at: now(), minutes: config.SOUDAN_INACTIVITY_CLOSE_MINUTES, keyring: getKeyring() });
      if (closed > 0) wakeLineWorkers();
      return false;
    },
    60_000,
  );
  // At least hourly, so deleting the newest audit rows is caught by `npm run audit:verify`; the first runs at start.
  const checkpoints = startWorkerLoop(
    "audit checkpoint",
    async () => {
      await checkpointAudit();
      return false;
    },
    60 * 60_000,
  );
  const retention = startRetentionJob(database.db, { now, settings: retentionSettingsOf(config) });
  return [closing, inactivity, checkpoints, startAlerts(database, config), retention, ...quotaWatch, ...followers];
}

/** Alerts go out whether or not e-mail or the webhook is configured: with neither they stay in the console. */
function startAlerts(database: Database, config: Env): WorkerLoop {
  const mailer = config.SOUDAN_SMTP_URL ? createSmtpMailer(config.SOUDAN_SMTP_URL, config.SOUDAN_ALERT_FROM) : null;
  const webhook = config.SOUDAN_ALERT_WEBHOOK_URL ? createHttpWebhook(config.SOUDAN_ALERT_WEBHOOK_URL, SIGNATURE_HEADER) : null;
  if (!mailer && !webhook) console.warn("[soudan] neither SOUDAN_SMTP_URL nor SOUDAN_ALERT_WEBHOOK_URL is set: alerts show in the console only");
  if (mailer && config.SOUDAN_ALERT_EMAIL_TO.length === 0) console.warn("[soudan] SOUDAN_ALERT_EMAIL_TO is empty: alert e-mails go only to the on-call roster");
  return startAlertWorker(database.db, {
    mailer,
    webhook,
    keyring: getKeyring(),
    now,
    settings: {
      email: mailer !== null,
      webhook: webhook !== null,
      defaultRecipients: config.SOUDAN_ALERT_EMAIL_TO,
      publicUrl: config.SOUDAN_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
      resendMinutes: config.SOUDAN_ALERT_RESEND_MINUTES,
    },
  });
}
