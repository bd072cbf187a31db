CREATE TABLE "consultation_view_audits" (
	"consultation_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"audited_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_view_audits_consultation_id_staff_id_pk" PRIMARY KEY("consultation_id","staff_id")
);
--> statement-breakpoint
ALTER TABLE "consultation_view_audits" ADD CONSTRAINT "consultation_view_audits_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_view_audits" ADD CONSTRAINT "consultation_view_audits_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;