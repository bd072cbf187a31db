CREATE TYPE "public"."operational_alert_kind" AS ENUM('line_quota_80', 'line_quota_95', 'line_monthly_limit');--> statement-breakpoint
CREATE TABLE "line_quota_readings" (
	"id" text PRIMARY KEY NOT NULL,
	"limit" integer,
	"used" integer NOT NULL,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operational_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "operational_alert_kind" NOT NULL,
	"month" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "alert_outbox" ALTER COLUMN "alert_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_outbox" ADD COLUMN "operational_alert_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "operational_alerts_kind_month_idx" ON "operational_alerts" USING btree ("kind","month");--> statement-breakpoint
ALTER TABLE "alert_outbox" ADD CONSTRAINT "alert_outbox_operational_alert_id_operational_alerts_id_fk" FOREIGN KEY ("operational_alert_id") REFERENCES "public"."operational_alerts"("id") ON DELETE no action ON UPDATE no action;