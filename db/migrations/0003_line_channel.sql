CREATE TYPE "public"."consultation_channel" AS ENUM('line', 'secure_chat');--> statement-breakpoint
CREATE TYPE "public"."consultation_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."line_inbox_status" AS ENUM('pending', 'done', 'ignored', 'failed');--> statement-breakpoint
CREATE TYPE "public"."message_kind" AS ENUM('text', 'sticker', 'media_refused', 'location_refused');--> statement-breakpoint
CREATE TYPE "public"."message_sender" AS ENUM('youth', 'counselor', 'system');--> statement-breakpoint
CREATE TYPE "public"."line_outbox_kind" AS ENUM('reply', 'push', 'loading', 'mark_read', 'richmenu_link');--> statement-breakpoint
CREATE TYPE "public"."line_outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "consultation_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"sender" "message_sender" NOT NULL,
	"kind" "message_kind" NOT NULL,
	"body_enc" text,
	"media_type" text,
	"via" "consultation_channel" NOT NULL,
	"line_message_id" text,
	"sent_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_messages_line_message_id_unique" UNIQUE("line_message_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"status" "consultation_status" DEFAULT 'open' NOT NULL,
	"channel" "consultation_channel" NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_youth_message_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "line_inbox" (
	"webhook_event_id" text PRIMARY KEY NOT NULL,
	"user_hash" text,
	"source_type" text NOT NULL,
	"event_type" text NOT NULL,
	"event_timestamp" bigint NOT NULL,
	"is_redelivery" boolean DEFAULT false NOT NULL,
	"payload_enc" text NOT NULL,
	"status" "line_inbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "line_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"kind" "line_outbox_kind" NOT NULL,
	"youth_id" uuid NOT NULL,
	"payload_enc" text NOT NULL,
	"reply_token" text,
	"reply_token_expires_at" timestamp with time zone,
	"retry_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "line_outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"http_status" integer,
	"sent_via" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "youths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_user_hash" text NOT NULL,
	"line_user_id_enc" text NOT NULL,
	"pseudonym" text NOT NULL,
	"following" boolean DEFAULT true NOT NULL,
	"unfollowed_at" timestamp with time zone,
	"last_refusal_notice_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "youths_line_user_hash_unique" UNIQUE("line_user_hash"),
	CONSTRAINT "youths_pseudonym_unique" UNIQUE("pseudonym")
);
--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD CONSTRAINT "consultation_messages_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_youth_id_youths_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_outbox" ADD CONSTRAINT "line_outbox_youth_id_youths_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youths"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_messages_consultation_idx" ON "consultation_messages" USING btree ("consultation_id","sent_at");--> statement-breakpoint
CREATE INDEX "consultations_youth_idx" ON "consultations" USING btree ("youth_id","status");--> statement-breakpoint
CREATE INDEX "line_inbox_pending_idx" ON "line_inbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "line_inbox_user_idx" ON "line_inbox" USING btree ("user_hash","event_timestamp");--> statement-breakpoint
CREATE INDEX "line_outbox_pending_idx" ON "line_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "line_outbox_youth_idx" ON "line_outbox" USING btree ("youth_id","seq");