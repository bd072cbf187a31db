import nodemailer from "nodemailer";
import { describeError } from "@/lib/jobs";
import { describeAlertChannels } from "../describe-alert-channels";

/** Where alerts go; the worker gets these from the configuration, tests may give their own. */
export interface AlertMailer {
  /** Names the server without its credentials, for the admin page. */
  server: string;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface AlertWebhook {
  /** The host only: an incoming webhook's path is often its secret. */
  server: string;
  post(body: string, signature: string): Promise<void>;
}

/** A failure as the admin page shows it: which server, what happened, no address that could name a person. */
export class DeliveryError extends Error {
  constructor(server: string, cause: unknown) {
    super(`${server}: ${describeError(cause).replace(/[^\s<>"'@,;:]+@[^\s<>"',;:]+/g, "<address>")}`);
    this.name = "DeliveryError";
  }
}

const TIMEOUT_MS = 15_000;

export function createSmtpMailer(smtpUrl: string, from: string): AlertMailer {
  const server = describeAlertChannels({ SOUDAN_SMTP_URL: smtpUrl, SOUDAN_ALERT_EMAIL_TO: [], SOUDAN_ALERT_RESEND_MINUTES: 0 }).smtp!;
  const transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  return {
    server,
    async send(message) {
      try {
        await transport.sendMail({ from, ...message });
      } catch (error) {
        throw new DeliveryError(`SMTP ${server}`, error);
      }
    },
  };
}

export function createHttpWebhook(webhookUrl: string, signatureHeader: string): AlertWebhook {
  const server = new URL(webhookUrl).host;
  return {
    server,
    async post(body, signature) {
      let response: Response;
      try {
        response = await fetch(webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8", [signatureHeader]: signature },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new DeliveryError(`webhook ${server}`, error);
      }
      await response.body?.cancel();
      if (!response.ok) throw new DeliveryError(`webhook ${server}`, new Error(`HTTP ${response.status}`));
    },
  };
}
