CREATE TYPE "public"."reception_event_kind" AS ENUM('follow', 'unblock', 'unfollow');--> statement-breakpoint
CREATE TABLE "consultation_timings" (
	"consultation_id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"arrived_in_staffed_hours" boolean NOT NULL,
	"first_claimed_at" timestamp with time zone,
	"first_claimed_by" uuid,
	"first_reply_at" timestamp with time zone,
	"closed_at" timestamp with time zone NOT NULL,
	"waiting_seconds" integer,
	"first_response_seconds" integer,
	"duration_seconds" integer,
	"youth_messages" integer NOT NULL,
	"counselor_messages" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "reception_event_kind" NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "first_claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "first_claimed_by" uuid;--> statement-breakpoint
ALTER TABLE "consultation_timings" ADD CONSTRAINT "consultation_timings_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_timings" ADD CONSTRAINT "consultation_timings_first_claimed_by_staff_id_fk" FOREIGN KEY ("first_claimed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_timings_received_idx" ON "consultation_timings" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "reception_events_at_idx" ON "reception_events" USING btree ("at");--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_first_claimed_by_staff_id_fk" FOREIGN KEY ("first_claimed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_messages_sent_idx" ON "consultation_messages" USING btree ("sent_at","sender");--> statement-breakpoint
CREATE INDEX "consultations_opened_idx" ON "consultations" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "consultations_first_claimed_idx" ON "consultations" USING btree ("first_claimed_at");