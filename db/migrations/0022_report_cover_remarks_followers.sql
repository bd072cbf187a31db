CREATE TABLE "line_follower_snapshots" (
	"date" text PRIMARY KEY NOT NULL,
	"followers" integer NOT NULL,
	"blocks" integer,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_cover_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"addressee" text NOT NULL,
	"business_name" text NOT NULL,
	"contractor" text NOT NULL,
	"manager" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" uuid,
	CONSTRAINT "report_cover_versions_version_unique" UNIQUE("version")
);
--> statement-breakpoint
CREATE TABLE "report_remark_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "report_cover_versions" ADD CONSTRAINT "report_cover_versions_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_remark_versions" ADD CONSTRAINT "report_remark_versions_saved_by_staff_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_remark_versions_period_version_idx" ON "report_remark_versions" USING btree ("period","version");