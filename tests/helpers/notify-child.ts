/**
 * Child process of the notification crash test: finishes a decision (its outcome, audit row and outbox row
 * commit together), prints "committed", then either stops there (`idle`: the parent kills it before a send)
 * or runs the delivery worker (`send`: the parent kills it while the receiver holds the request).
 */
import { openDb } from "@/lib/db/client";
import { deliverDue } from "@/lib/notifications/worker";
import { applyDecision } from "./notification-fixtures";

async function main() {
  const [mode, group] = process.argv.slice(2);
  const handle = await openDb({ kind: "postgres", url: process.env.DATABASE_URL ?? "" });
  await applyDecision(handle.db, group ?? "crash", 1);
  console.log("committed");
  if (mode === "send") {
    await deliverDue(handle.db, {
      leaseMs: Number(process.env.NOTIFY_TEST_LEASE_MS ?? 1000),
      timeoutMs: 60_000,
    });
    console.log("sent (should have been killed first)");
  } else {
    await new Promise(() => setInterval(() => undefined, 1000));
  }
}

void main();
