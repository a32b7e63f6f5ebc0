/**
 * Hole 1 (second half): a version approved, rejected or staged in SageMaker without a SageDeck decision (Studio,
 * a pipeline, the CLI) is flagged as changed outside SageDeck — on the version, the group, the inbox's
 * needs-attention list and the audit's outside view — with SageMaker's own who/when/description; a version
 * approved through SageDeck's approve verb is not. Real emulator over HTTP, PGlite and PostgreSQL.
 */
import { UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { findModelVersion } from "@/lib/sagemaker/registry/reads";
import { approveVersion, rejectVersion } from "@/lib/approvals/decide";
import { listGroupVersions } from "@/lib/models/groups";
import { getVersionPage } from "@/lib/models/version";
import { listOutside } from "@/lib/approvals/outside";
import { dbTargets } from "@/tests/helpers/db-targets";
import { clientAs, createGroup, registerVersion, user } from "@/tests/helpers/decisions-fixtures";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";

const alex = user("alex");
const targets = await dbTargets();
// no read cache: a change made in "Studio" does not go through SageDeck's cache invalidation
const emu = emulatorFixture({ dataDir: "sagedeck-outside-", noCache: true });
beforeAll(() => {
  process.env.DATABASE_URL = "";
});

describe.each(targets)("changes made outside SageDeck on $name", (target) => {
  let handle: DbHandle;
  let cleanup: () => Promise<void>;
  const group = `out-${target.name.toLowerCase()}-${Date.now() % 100000}`;

  /** As Studio would: UpdateModelPackage with the person's own identity, not SageDeck's. */
  const inStudio = async (
    version: number,
    input: Omit<UpdateModelPackageCommand["input"], "ModelPackageArn">,
  ) => {
    const { arn } = await findModelVersion(group, version, true);
    await clientAs(emu.url(), "jordan.studio").send(
      new UpdateModelPackageCommand({ ModelPackageArn: arn, ...input }),
    );
  };

  beforeAll(async () => {
    ({ handle, cleanup } = await target.open());
    await migrateDb(handle);
    await createGroup(emu.url(), group, `team-${group}`);
    for (let i = 0; i < 4; i++) await registerVersion(emu.url(), group, "sam");
  }, 60_000);
  afterAll(() => cleanup());

  it("flags a version approved in Studio, everywhere, with SageMaker's who and description", async () => {
    const arn = (await listGroupVersions(handle.db, { group })).items.find((v) => v.version === 1)?.arn;
    expect(arn).toContain(`/${group}/1`);
    await inStudio(1, { ModelApprovalStatus: "Approved", ApprovalDescription: "looked fine in Studio" });

    const page = await getVersionPage(handle.db, alex, group, 1);
    expect(page.history).toEqual([]);
    expect(page.outside).toEqual([
      expect.objectContaining({
        kind: "approval",
        to: "Approved",
        by: "jordan.studio",
        byField: "LastModifiedBy",
        description: "looked fine in Studio",
      }),
    ]);
    expect(page.outside[0]?.at).toBeGreaterThan(0);

    const rows = await listGroupVersions(handle.db, { group });
    expect(rows.items.find((v) => v.version === 1)?.outside).toHaveLength(1);
    expect(rows.outsideCount).toBe(1);

    // the inbox's needs-attention list and the audit's outside view read the same list
    const attention = await listOutside(handle.db, { group });
    expect(attention.total).toBe(1);
    expect(attention.items[0]).toMatchObject({ group, version: 1 });
    expect(attention.items[0]?.changes[0]).toMatchObject({ to: "Approved", by: "jordan.studio" });
    const everywhere = await listOutside(handle.db, {});
    expect(everywhere.items.some((f) => f.arn === arn)).toBe(true);
  });

  it("does not flag the same approval made through SageDeck's approve verb", async () => {
    const d = await approveVersion(
      { db: handle.db, user: alex },
      { group, version: 2, expectedStatus: "PendingManualApproval", reason: "AUC clears the gate" },
    );
    expect(d.state).toBe("applied");
    expect((await getVersionPage(handle.db, alex, group, 2)).outside).toEqual([]);
    const rows = await listGroupVersions(handle.db, { group });
    expect(rows.items.find((v) => v.version === 2)?.outside).toEqual([]);
    expect(rows.outsideCount).toBe(1);
    expect((await listOutside(handle.db, { group })).items.map((f) => f.version)).toEqual([1]);
  });

  it("flags a SageDeck decision overturned in Studio, and a stage set outside SageDeck", async () => {
    await rejectVersion(
      { db: handle.db, user: alex },
      { group, version: 3, expectedStatus: "PendingManualApproval", reason: "below the gate" },
    );
    expect((await getVersionPage(handle.db, alex, group, 3)).outside).toEqual([]);
    await inStudio(3, { ModelApprovalStatus: "Approved", ApprovalDescription: "overruled" });
    await inStudio(2, { ModelLifeCycle: { Stage: "Production", StageStatus: "Deployed" } });

    expect((await getVersionPage(handle.db, alex, group, 3)).outside).toEqual([
      expect.objectContaining({ kind: "approval", to: "Approved", by: "jordan.studio" }),
    ]);
    // version 2's approval is SageDeck's; its Production stage is not
    expect((await getVersionPage(handle.db, alex, group, 2)).outside).toEqual([
      expect.objectContaining({ kind: "stage", to: "Production", via: "lifecycle", by: "jordan.studio" }),
    ]);
    // a rejection in Studio is on the record (audit) but puts nothing live, so it needs no attention
    await inStudio(4, { ModelApprovalStatus: "Rejected", ApprovalDescription: "not now" });
    const audit = await listOutside(handle.db, { group });
    expect(audit.items.map((f) => f.version).sort()).toEqual([1, 2, 3, 4]);
    const attention = await listOutside(handle.db, { group, attention: true });
    expect(attention.items.map((f) => f.version).sort()).toEqual([1, 2, 3]);
  });
});
