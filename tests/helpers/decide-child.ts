/**
 * Child process for the crash test: approves one version against DATABASE_URL and SAGEMAKER_ENDPOINT.
 * The parent kills it (SIGKILL) while the SageMaker call is in flight.
 */
import { openDb } from "@/lib/db/client";
import { approveVersion } from "@/lib/approvals/decide";

async function main() {
  const [group, version] = process.argv.slice(2);
  const handle = await openDb({ kind: "postgres", url: process.env.DATABASE_URL ?? "" });
  console.log("child: deciding");
  await approveVersion(
    {
      db: handle.db,
      user: { id: "alex", username: "alex", name: "Alex Tester", role: "approver", provider: "credentials" },
    },
    {
      group: group ?? "",
      version: Number(version),
      expectedStatus: "PendingManualApproval",
      reason: "crash test",
    },
  );
  console.log("child: done (should have been killed first)");
  await handle.close();
}

void main();
