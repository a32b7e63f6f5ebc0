/** A failure injected between a state change and its audit row: every audit_events insert raises. */
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export async function failAuditInserts(db: Db): Promise<() => Promise<void>> {
  await db.execute(
    sql.raw(`CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'injected: the audit insert failed'; END $$ LANGUAGE plpgsql`),
  );
  await db.execute(
    sql.raw(`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`),
  );
  return async () => {
    await db.execute(sql.raw("DROP TRIGGER IF EXISTS test_fail_audit ON audit_events"));
  };
}
