CREATE TYPE "public"."consent_scope_item" AS ENUM('summary', 'contact', 'school', 'safety');--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"agency_id" uuid,
	"recipient_enc" text,
	"scope_items" "consent_scope_item"[] DEFAULT '{}' NOT NULL,
	"scope_note_enc" text,
	"agreed_at" timestamp with time zone NOT NULL,
	"words_enc" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_note_enc" text,
	"withdrawal_recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "safety_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"plan_enc" text NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"message_id" uuid
);
--> statement-breakpoint
CREATE TABLE "sharing_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"agency_id" uuid,
	"recipient_enc" text,
	"reason_enc" text NOT NULL,
	"supervisor_name" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_records" ADD COLUMN "information_shared" boolean;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawal_recorded_by_staff_id_fk" FOREIGN KEY ("withdrawal_recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plan_versions" ADD CONSTRAINT "safety_plan_versions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plan_versions" ADD CONSTRAINT "safety_plan_versions_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plan_versions" ADD CONSTRAINT "safety_plan_versions_sent_by_staff_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_plan_versions" ADD CONSTRAINT "safety_plan_versions_message_id_consultation_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."consultation_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_exceptions" ADD CONSTRAINT "sharing_exceptions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_exceptions" ADD CONSTRAINT "sharing_exceptions_agency_id_support_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."support_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_exceptions" ADD CONSTRAINT "sharing_exceptions_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_consultation_idx" ON "consents" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_plan_versions_consultation_version_idx" ON "safety_plan_versions" USING btree ("consultation_id","version");--> statement-breakpoint
CREATE INDEX "sharing_exceptions_consultation_idx" ON "sharing_exceptions" USING btree ("consultation_id");