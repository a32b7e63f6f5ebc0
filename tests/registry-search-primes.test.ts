/**
 * A version's page is never older than the list that led to it: a Search page (inbox, group page, outside scan)
 * refreshes each version's DescribeModelPackage cache entry, so after a change made in Studio the version page
 * shows what the inbox already shows instead of a cached read from before it. Real emulator, caching on.
 */
import { UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { describeModelVersion } from "@/lib/sagemaker/registry/reads";
import { searchVersionPage } from "@/lib/sagemaker/registry/search-versions";
import { emulatorFixture } from "@/tests/helpers/emulator-fixture";
import { emulatorCalls } from "@/tests/helpers/wait";
import { clientAs, createGroup, registerVersion } from "@/tests/helpers/decisions-fixtures";

const emu = emulatorFixture({ speed: 100 });

describe("Search pages refresh the versions' own cache entries", () => {
  it("after an outside approval seen by Search, the cached DescribeModelPackage read shows it too", async () => {
    process.env.SAGEMAKER_CACHE_TTL_MS = "60000";
    const group = `primes-${Date.now() % 100000}`;
    await createGroup(emu.url(), group, "team-primes");
    const arn = await registerVersion(emu.url(), group, "ben");

    // the version page read it (cached for a minute), then someone approves it in Studio
    expect((await describeModelVersion(arn)).approvalStatus).toBe("PendingManualApproval");
    await clientAs(emu.url(), "jordan.studio").send(
      new UpdateModelPackageCommand({
        ModelPackageArn: arn,
        ModelApprovalStatus: "Approved",
        ApprovalDescription: "Looked fine in Studio",
      }),
    );
    // without a Search in between, the cache still answers (the TTL is the contract)
    expect((await describeModelVersion(arn)).approvalStatus).toBe("PendingManualApproval");

    const page = await searchVersionPage({ group });
    expect(page.items.find((v) => v.arn === arn)?.approvalStatus).toBe("Approved");
    // the version page now agrees with the list, without another DescribeModelPackage
    await fetch(`${emu.url()}/_emulator/stats/reset`, { method: "POST" });
    const after = await describeModelVersion(arn);
    expect(after.approvalStatus).toBe("Approved");
    expect(after.approvalDescription).toBe("Looked fine in Studio");
    expect((await emulatorCalls(emu.url())).DescribeModelPackage ?? 0).toBe(0);
  }, 60_000);
});
