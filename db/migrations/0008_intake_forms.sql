CREATE TYPE "public"."form_kind" AS ENUM('intake', 'record');--> statement-breakpoint
CREATE TABLE "form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "form_kind" NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "consultation_records" ADD COLUMN "form_version_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "intake_version_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "intake_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "intake_note_enc" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "intake_step" text;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "form_versions_kind_version_idx" ON "form_versions" USING btree ("kind","version");--> statement-breakpoint
ALTER TABLE "consultation_records" ADD CONSTRAINT "consultation_records_form_version_id_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."form_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_intake_version_id_form_versions_id_fk" FOREIGN KEY ("intake_version_id") REFERENCES "public"."form_versions"("id") ON DELETE no action ON UPDATE no action;