/**
 * Upstream SageMaker calls and latency of the approval inbox and a version page, cold and warm cache.
 * Run: npx tsx bench/approvals-inbox.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "@/tests/helpers/emulator";
import { figure } from "./report";

async function main() {
  const emu = await startEmulator({ env: { EMULATOR_VALIDATE_MODEL: "" } }); // no model check: it would slow the figures
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-bench-"));
  const { openDb } = await import("@/lib/db/client");
  const { migrateDb } = await import("@/lib/db/migrate");
  const { getInbox } = await import("@/lib/approvals/inbox");
  const { getVersionPage } = await import("@/lib/models/version");
  const handle = await openDb({ kind: "pglite", dir: null });
  await migrateDb(handle);
  const stats = async () => {
    const s = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as {
      total: number;
      calls: Record<string, number>;
    };
    await fetch(`${emu.url}/_emulator/stats/reset`, { method: "POST" });
    return { total: s.total, byOp: s.calls };
  };
  const user = {
    id: "alex",
    username: "alex",
    name: "Alex",
    role: "approver" as const,
    provider: "credentials" as const,
  };
  await stats();
  for (const label of ["cold", "warm"]) {
    let t = performance.now();
    const inbox = await getInbox(handle.db, user, {});
    const inboxMs = performance.now() - t;
    const inboxCalls = await stats();
    const first = inbox.items[0]?.version;
    t = performance.now();
    if (first) await getVersionPage(handle.db, user, first.group, first.version);
    const versionMs = performance.now() - t;
    const versionCalls = await stats();
    console.log(
      `${label}: inbox (${inbox.items.length} items) ${inboxMs.toFixed(0)} ms, ${inboxCalls.total} SageMaker calls ${JSON.stringify(inboxCalls.byOp)}`,
    );
    console.log(
      `${label}: version page (after the inbox) ${versionMs.toFixed(0)} ms, ${versionCalls.total} calls ${JSON.stringify(versionCalls.byOp)}`,
    );
    const bench = "approvals-inbox";
    figure({ bench, name: `${label} inbox: SageMaker calls`, value: inboxCalls.total, unit: "calls" });
    figure({ bench, name: `${label} inbox: server time`, value: inboxMs, unit: "ms" });
    figure({
      bench,
      name: `${label} version page: SageMaker calls`,
      value: versionCalls.total,
      unit: "calls",
    });
  }
  await handle.close();
  await emu.stop();
}

void main();
