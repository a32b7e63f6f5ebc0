/**
 * The database schema, one file per group of tables (lib/db/schema/); drizzle-kit reads this index
 * (drizzle.config.ts) and the app imports from it.
 */
export * from "./schema/audit";
export * from "./schema/auth";
export * from "./schema/changes";
export * from "./schema/maturity";
export * from "./schema/notifications";
