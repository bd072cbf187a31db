CREATE TABLE "auto_reply_templates" (
	"key" text PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "session_closings" (
	"session_end" timestamp with time zone PRIMARY KEY NOT NULL,
	"notified" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "last_auto_reply_kind" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "last_auto_reply_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auto_reply_templates" ADD CONSTRAINT "auto_reply_templates_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;