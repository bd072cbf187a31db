ALTER TYPE "public"."consultation_close_reason" ADD VALUE 'youth_ended';--> statement-breakpoint
CREATE TABLE "youth_chat_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"youth_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "youth_chat_sessions" ADD CONSTRAINT "youth_chat_sessions_youth_id_youths_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "youth_chat_sessions_youth_idx" ON "youth_chat_sessions" USING btree ("youth_id");