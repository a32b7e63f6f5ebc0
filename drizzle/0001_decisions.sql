CREATE TABLE "decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"seq" integer NOT NULL,
	"group_name" text NOT NULL,
	"version" integer NOT NULL,
	"model_package_arn" text NOT NULL,
	"target_stage" text,
	"expected_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"reason" text,
	"idempotency_key" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"endpoint_name" text,
	"endpoint_config_name" text,
	"previous_arn" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_subject_seq_live" ON "decisions" USING btree ("subject","seq") WHERE "decisions"."state" <> 'failed';--> statement-breakpoint
CREATE INDEX "decisions_arn_idx" ON "decisions" USING btree ("model_package_arn");--> statement-breakpoint
CREATE INDEX "decisions_group_idx" ON "decisions" USING btree ("group_name","created_at");--> statement-breakpoint
CREATE INDEX "decisions_state_idx" ON "decisions" USING btree ("state");