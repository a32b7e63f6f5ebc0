CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"provider" text NOT NULL,
	"user_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "pipeline_run_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"action" text NOT NULL,
	"pipeline_name" text NOT NULL,
	"execution_arn" text,
	"client_request_token" text NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"display_name" text,
	"description" text,
	"actor" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"idempotency_key" text,
	"request_id" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "auth_sessions_username_idx" ON "auth_sessions" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_run_actions_token" ON "pipeline_run_actions" USING btree ("action","client_request_token");--> statement-breakpoint
CREATE INDEX "pipeline_run_actions_arn_idx" ON "pipeline_run_actions" USING btree ("execution_arn");--> statement-breakpoint
CREATE INDEX "pipeline_run_actions_actor_idx" ON "pipeline_run_actions" USING btree ("actor","created_at");--> statement-breakpoint
CREATE INDEX "pipeline_run_actions_state_idx" ON "pipeline_run_actions" USING btree ("state");