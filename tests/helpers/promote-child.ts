/**
 * Child process for tests/reconcile-killed.test.ts: promotes `<group>` version `<version>` to Staging against
 * DATABASE_URL and SAGEMAKER_ENDPOINT. The parent kills it (SIGKILL) while its UpdateEndpoint is in flight.
 */
import { openDb } from "@/lib/db/client";
import { promoteVersion } from "@/lib/approvals/promote";

async function main() {
  const [group, version] = process.argv.slice(2);
  const handle = await openDb({ kind: "postgres", url: process.env.DATABASE_URL ?? "" });
  console.log("child: promoting");
  await promoteVersion(
    {
      db: handle.db,
      user: { id: "alex", username: "alex", name: "Alex Tester", role: "approver", provider: "credentials" },
    },
    { group: group ?? "", version: Number(version), stage: "Staging", expectedStage: "Development" },
  );
  console.log("child: done (should have been killed first)");
  await handle.close();
}

void main();
