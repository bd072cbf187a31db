CREATE TYPE "public"."consultation_close_reason" AS ENUM('completed', 'inactive', 'abandoned', 'closing_time');--> statement-breakpoint
CREATE TYPE "public"."record_outcome" AS ENUM('advice', 'referral', 'emergency', 'phone', 'continued', 'ended_by_youth');--> statement-breakpoint
CREATE TABLE "canned_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consultation_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"author_id" uuid,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_records" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"draft_enc" text,
	"age_band" text,
	"gender" text,
	"topics" text[],
	"content_summary_enc" text,
	"response_summary_enc" text,
	"outcome" "record_outcome",
	"referral_agency_id" uuid,
	"emergency" boolean,
	"emergency_note_enc" text,
	"consent_to_share" boolean,
	"out_of_scope" boolean,
	"finalized_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "support_agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"hours" text,
	"url" text,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD COLUMN "author_id" uuid;--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD COLUMN "outbox_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "risk_detected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "close_reason" "consultation_close_reason";--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "intake" jsonb;--> statement-breakpoint
ALTER TABLE "canned_responses" ADD CONSTRAINT "canned_responses_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_notes" ADD CONSTRAINT "consultation_notes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_notes" ADD CONSTRAINT "consultation_notes_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_records" ADD CONSTRAINT "consultation_records_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_records" ADD CONSTRAINT "consultation_records_referral_agency_id_support_agencies_id_fk" FOREIGN KEY ("referral_agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_records" ADD CONSTRAINT "consultation_records_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_agencies" ADD CONSTRAINT "support_agencies_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_notes_consultation_idx" ON "consultation_notes" USING btree ("consultation_id","created_at");--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD CONSTRAINT "consultation_messages_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_assigned_to_staff_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_closed_by_staff_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_queue_idx" ON "consultations" USING btree ("status","assigned_to","priority","opened_at");--> statement-breakpoint
-- Consultations closed before this migration were all ended by the closing-time policy "close".
UPDATE "consultations" SET "close_reason" = 'closing_time' WHERE "status" = 'closed' AND "close_reason" IS NULL;
