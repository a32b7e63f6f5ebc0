import { expect, test, type Locator } from "@playwright/test";
import { signIn } from "./helpers";

const widthOf = async (el: Locator) => (await el.boundingBox())?.width ?? 0;

// issue 20: the shared data table's columns are resizable (react-table column sizing), kept per table
test("a column of the shared table resizes by drag and by keyboard, keeps its width across a reload, and resets", async ({
  page,
}) => {
  await page.goto("/experiments?size=10");
  await signIn(page, "viewer");
  const table = page.getByRole("table", { name: "Experiments" });
  const header = table.getByRole("columnheader", { name: "Created", exact: true });
  const handle = header.getByRole("separator", { name: "Resize column Created" });
  await expect(handle).toBeAttached();
  const before = await widthOf(header);

  // drag the handle 120 px to the right
  const box = await handle.boundingBox();
  if (!box) throw new Error("the resize handle has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => widthOf(header)).toBeGreaterThan(before + 110);
  const dragged = await widthOf(header);
  expect(dragged).toBeLessThan(before + 130);
  // the drag did not sort by the column
  expect(page.url()).not.toContain("sort=");
  // the body cells follow their header
  const cell = table.locator("tbody tr").first().locator("td").nth(3);
  expect(Math.abs((await widthOf(cell)) - dragged)).toBeLessThan(2);

  // the keyboard narrows it by 16 px a step
  await handle.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => widthOf(header)).toBeLessThan(dragged - 28);
  const narrowed = await widthOf(header);
  await expect(handle).toHaveAttribute("aria-valuenow", String(Math.round(narrowed)));

  // a reload keeps the width (localStorage, per table)
  await page.reload();
  await expect(header).toBeVisible();
  await expect.poll(() => widthOf(header)).toBeCloseTo(narrowed, 0);

  // double-click resets to the width the column had
  await handle.dblclick();
  await expect.poll(async () => Math.abs((await widthOf(header)) - before)).toBeLessThan(2);
  await page.reload();
  await expect(header).toBeVisible();
  expect(Math.abs((await widthOf(header)) - before)).toBeLessThan(2);
});
