import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Issue 20: a decision in the inbox asks first, then says what was decided (version, outcome, a link to the
// decision's record) and keeps the keyboard on the next card. Screenshot for the note: INBOX_SHOT=<path>.
test("an inbox decision is confirmed, announced with a link to its record, and focus moves to the next card", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/approvals");
  await signIn(page, "approver");
  const decidable = page
    .locator('[data-testid^="inbox-"]')
    .filter({ has: page.getByRole("button", { name: "Approve", exact: true }) });
  await expect(decidable.first()).toBeVisible();
  const id = (await decidable.first().getAttribute("data-testid")) ?? "";
  // pinned by its id: while it asks for confirmation it has no "Approve" button, so the filter would move on
  const card = page.getByTestId(id);
  const [, group, version] = /^inbox-(.+)-(\d+)$/.exec(id) ?? [];
  const nextId = await card.evaluate((el) => el.nextElementSibling?.getAttribute("data-testid") ?? "");
  expect(nextId, "the inbox has a card after the decided one").toMatch(/^inbox-/);

  // the organisation's default rule: a reason is required to approve too
  const approve = card.getByRole("button", { name: "Approve", exact: true });
  await expect(card.getByLabel("Reason (required)")).toBeVisible();
  await expect(approve).toBeDisabled();
  await card.getByLabel("Reason (required)").fill("Evaluation report reviewed; AUC above production");

  // the confirmation step names the version; Cancel sends nothing and gives focus back
  await approve.click();
  const step = card.getByTestId("confirm-step");
  await expect(step).toContainText(`Approve ${group} version ${version}?`);
  await expect(card.getByRole("button", { name: "Confirm approve" })).toBeFocused();
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(step).toHaveCount(0);
  await expect(approve).toBeFocused();
  await expect(page.getByTestId("decision-notice")).toBeEmpty();

  await approve.click();
  await card.getByRole("button", { name: "Confirm approve" }).click();
  const notice = page.getByTestId("decision-notice");
  await expect(notice).toContainText(`Approved ${group} version ${version}`);
  await expect(notice).toContainText("SageMaker now shows Approved.");
  await expect(page.getByTestId(id)).toHaveCount(0);
  await expect(page.getByTestId(nextId)).toBeFocused();
  if (process.env.INBOX_SHOT) await page.screenshot({ path: process.env.INBOX_SHOT });

  const record = notice.getByRole("link", { name: "See the decision's record" });
  await expect(record).toHaveAttribute(
    "href",
    new RegExp(`/models/${group}/${version}#decision-[0-9a-f-]{36}$`),
  );
  await record.click();
  await expect(page).toHaveURL(new RegExp(`/models/${group}/${version}#decision-`));
  const entry = page.locator(`[id^="decision-"]`).first();
  await expect(entry).toContainText("Approved");
  await expect(entry).toContainText("Evaluation report reviewed; AUC above production");
});
