import {
  ListModelPackagesCommand,
  SageMakerClient,
  UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 12 hole 1: a version approved in Studio (not through SageDeck) shows up as needing attention, and its
// page shows SageMaker's own record of who approved it and why, labelled as SageMaker's.
const GROUP = "churn-uplift";
const EMULATOR = `http://127.0.0.1:${Number(process.env.E2E_EMULATOR_PORT ?? 4699)}`;

/** SageMaker as Studio would call it: the person's own identity, straight to the API. */
const studio = new SageMakerClient({
  region: "us-east-1",
  endpoint: EMULATOR,
  credentials: { accessKeyId: "jordan.studio", secretAccessKey: "e2e" },
  maxAttempts: 1,
});

test("an approver sees a version approved outside SageDeck, with SageMaker's record", async ({ page }) => {
  test.setTimeout(180_000);
  const pending = await studio.send(
    new ListModelPackagesCommand({
      ModelPackageGroupName: GROUP,
      ModelApprovalStatus: "PendingManualApproval",
      ModelPackageType: "Versioned",
    }),
  );
  const target = pending.ModelPackageSummaryList?.[0];
  const version = target?.ModelPackageVersion;
  expect(version, `a pending version of ${GROUP} in the demo`).toBeDefined();
  await studio.send(
    new UpdateModelPackageCommand({
      ModelPackageArn: target?.ModelPackageArn,
      ModelApprovalStatus: "Approved",
      ApprovalDescription: "Looked fine in Studio",
    }),
  );

  await page.goto(`/approvals?group=${GROUP}`);
  await signIn(page, "approver");
  const attention = page.getByRole("list", { name: "Changed outside SageDeck" });
  const row = attention.getByRole("listitem").filter({ hasText: new RegExp(`${GROUP} v${version}(?!\\d)`) });
  // SageDeck's read cache may hold the list from before the change for a few seconds
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText("approved outside SageDeck", { timeout: 10_000 });
  }).toPass({ timeout: 90_000 });
  await expect(row).toContainText("by jordan.studio");
  await expect(row).toContainText("Looked fine in Studio");
  // it is not in the waiting queue any more
  await expect(page.getByTestId(`inbox-${GROUP}-${version}`)).toHaveCount(0);

  await row.getByRole("link", { name: `${GROUP} v${version}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/models/${GROUP}/${version}$`));
  await expect(page.getByTestId("outside-banner")).toContainText("approved outside SageDeck");
  await expect(page.getByTestId("outside-banner")).toContainText("jordan.studio");
  const record = page.getByTestId("sagemaker-record");
  await expect(record).toContainText("Recorded in SageMaker, not by SageDeck");
  await expect(page.getByRole("list", { name: "Decision history" })).toHaveCount(0);
  await expect(page.getByText("No decision has been made in SageDeck")).toHaveCount(0);
  await expect(record).toContainText("Looked fine in Studio");
  await expect(record).toContainText("jordan.studio");

  await page.goto(`/audit?source=outside&group=${GROUP}`);
  await expect(page.getByRole("table", { name: "Changes made outside SageDeck" })).toContainText(
    `${GROUP} v${version}`,
  );
});
