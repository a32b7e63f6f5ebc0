import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used (it reads the schema, not a database). Migrations are applied by
// lib/db/migrate.ts at start, so no process ever opens the PGlite directory behind the server's back.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
