CREATE TYPE "public"."retention_trigger" AS ENUM('schedule', 'command');--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"trigger" "retention_trigger" NOT NULL,
	"payload_cutoff" timestamp with time zone NOT NULL,
	"content_cutoff" timestamp with time zone,
	"counts" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ALTER COLUMN "words_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_notes" ALTER COLUMN "body_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "line_inbox" ALTER COLUMN "payload_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "line_outbox" ALTER COLUMN "payload_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "safety_plan_versions" ALTER COLUMN "plan_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sharing_exceptions" ALTER COLUMN "reason_enc" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "content_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "line_inbox" ADD COLUMN "payload_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "line_outbox" ADD COLUMN "payload_purged_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "retention_runs_ran_at_idx" ON "retention_runs" USING btree ("ran_at");