CREATE TABLE "waiting_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"busy_threshold_minutes" integer,
	"self_help_enabled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "waiting_settings" ADD CONSTRAINT "waiting_settings_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;