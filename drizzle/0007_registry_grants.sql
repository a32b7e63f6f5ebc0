CREATE TABLE "registry_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"group_name" text NOT NULL,
	"group_arn" text NOT NULL,
	"accounts" jsonb NOT NULL,
	"actor" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_role" text NOT NULL,
	"idempotency_key" text,
	"request_id" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"outcome" text
);
--> statement-breakpoint
CREATE INDEX "registry_grants_group_idx" ON "registry_grants" USING btree ("group_name","created_at");--> statement-breakpoint
CREATE INDEX "registry_grants_state_idx" ON "registry_grants" USING btree ("state");