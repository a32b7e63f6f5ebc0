CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"owner" text NOT NULL,
	"owner_provider" text NOT NULL,
	"owner_version" integer DEFAULT 0 NOT NULL,
	"token_hash" text NOT NULL,
	"hint" text NOT NULL,
	"scopes" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_live_name" ON "api_tokens" USING btree ("kind","owner","name") WHERE "api_tokens"."revoked_at" is null and "api_tokens"."kind" = 'personal';--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_live_service_name" ON "api_tokens" USING btree ("name") WHERE "api_tokens"."revoked_at" is null and "api_tokens"."kind" = 'service';--> statement-breakpoint
CREATE INDEX "api_tokens_owner_idx" ON "api_tokens" USING btree ("owner");