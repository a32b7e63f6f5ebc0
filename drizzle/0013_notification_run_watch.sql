CREATE TABLE "notification_run_watch" (
	"run_action_id" text PRIMARY KEY NOT NULL,
	"execution_arn" text NOT NULL,
	"status" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
