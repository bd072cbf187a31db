ALTER TYPE "public"."consultation_close_reason" ADD VALUE 'emergency';--> statement-breakpoint
CREATE TABLE "emergencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid NOT NULL,
	"joined_at" timestamp with time zone,
	"joined_by" uuid,
	"checklist" jsonb,
	"checklist_notes_enc" text,
	"checklist_updated_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"summary_enc" text,
	CONSTRAINT "emergencies_consultation_id_unique" UNIQUE("consultation_id")
);
--> statement-breakpoint
CREATE TABLE "emergency_contact_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"seed_key" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "emergency_contact_kinds_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
CREATE TABLE "emergency_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"emergency_id" uuid NOT NULL,
	"kind_id" uuid NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"contacted_by" uuid NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"result_enc" text,
	"city_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "second_responder_id" uuid;--> statement-breakpoint
ALTER TABLE "emergencies" ADD CONSTRAINT "emergencies_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergencies" ADD CONSTRAINT "emergencies_started_by_staff_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergencies" ADD CONSTRAINT "emergencies_joined_by_staff_id_fk" FOREIGN KEY ("joined_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergencies" ADD CONSTRAINT "emergencies_ended_by_staff_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_contact_kinds" ADD CONSTRAINT "emergency_contact_kinds_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_contacts" ADD CONSTRAINT "emergency_contacts_emergency_id_emergencies_id_fk" FOREIGN KEY ("emergency_id") REFERENCES "public"."emergencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_contacts" ADD CONSTRAINT "emergency_contacts_kind_id_emergency_contact_kinds_id_fk" FOREIGN KEY ("kind_id") REFERENCES "public"."emergency_contact_kinds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_contacts" ADD CONSTRAINT "emergency_contacts_contacted_by_staff_id_fk" FOREIGN KEY ("contacted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_contacts_emergency_idx" ON "emergency_contacts" USING btree ("emergency_id","contacted_at");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_second_responder_id_staff_id_fk" FOREIGN KEY ("second_responder_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;