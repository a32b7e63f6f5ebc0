CREATE TABLE "maturity_exemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"solution_key" text NOT NULL,
	"check_id" text NOT NULL,
	"reason" text NOT NULL,
	"granted_by" text NOT NULL,
	"granted_by_name" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text
);
--> statement-breakpoint
CREATE TABLE "maturity_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"solution_key" text NOT NULL,
	"solution_name" text NOT NULL,
	"phase" text,
	"provisional" boolean DEFAULT false NOT NULL,
	"score" integer,
	"progress" integer,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kpis" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_targets" (
	"solution_key" text PRIMARY KEY NOT NULL,
	"approval_sla_hours" double precision,
	"lead_time_target_hours" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_exemptions_open" ON "maturity_exemptions" USING btree ("solution_key","check_id") WHERE "maturity_exemptions"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "maturity_exemptions_key_idx" ON "maturity_exemptions" USING btree ("solution_key");--> statement-breakpoint
CREATE INDEX "maturity_snapshots_key_at_idx" ON "maturity_snapshots" USING btree ("solution_key","taken_at");