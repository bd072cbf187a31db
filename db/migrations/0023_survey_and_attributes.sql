ALTER TYPE "public"."form_kind" ADD VALUE 'survey';--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"month" text NOT NULL,
	"channel" "consultation_channel" NOT NULL,
	"form_version_id" uuid NOT NULL,
	"satisfaction" text,
	"again" text,
	"comment_enc" text
);
--> statement-breakpoint
ALTER TABLE "consultation_records" ADD COLUMN "requester" text;--> statement-breakpoint
ALTER TABLE "consultation_records" ADD COLUMN "visit" text;--> statement-breakpoint
ALTER TABLE "consultation_records" ADD COLUMN "actions" text[];--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "survey_invited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "survey_version_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "survey_step" text;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_form_version_id_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."form_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_token_idx" ON "survey_responses" USING btree ("token");--> statement-breakpoint
CREATE INDEX "survey_responses_month_idx" ON "survey_responses" USING btree ("month");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_survey_version_id_form_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."form_versions"("id") ON DELETE no action ON UPDATE no action;