ALTER TABLE "decisions" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "lease_owner" text;