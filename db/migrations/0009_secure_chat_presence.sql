CREATE TABLE "youth_chat_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"connected_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_notice_outbox_id" uuid;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "reply_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "youths" ADD COLUMN "secure_chat_prompt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "youth_chat_connections" ADD CONSTRAINT "youth_chat_connections_youth_id_youths_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "youth_chat_connections_youth_idx" ON "youth_chat_connections" USING btree ("youth_id","last_seen_at");