import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// a pipeline's experiment: each seeded execution logs a Train run (SageMaker.* and XGBoost parameters, three
// metrics; the image URI wraps over three lines) and an Evaluate run
const EXP = "churn-train";

// issue 20: at 1440×900 the compare table's last rows sat below the fold, inside the table's own scroll box
test("at 1440×900 the compare view shows the whole comparison table on the first screen", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/experiments/${EXP}`);
  await signIn(page, "scientist");
  // the three newest Train runs, as a scientist picks them
  const train = page
    .getByRole("table", { name: "Runs" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: /^Train/ }) });
  await expect(train.nth(2)).toBeVisible();
  for (let i = 0; i < 3; i++) await train.nth(i).getByRole("checkbox").click();
  await page.getByRole("link", { name: "Compare 3 runs" }).click();

  const side = page.getByRole("table", { name: "Runs side by side" });
  await expect(side).toBeVisible();
  const rows = side.locator("tbody tr");
  await expect(page.getByText(/^\d+ of \d+ rows shown$/)).toBeVisible();
  const total = Number((await page.getByText(/^\d+ of \d+ rows shown$/).innerText()).split(" ")[0]);
  await expect(rows).toHaveCount(total);
  expect(total).toBeGreaterThan(5);
  // charts below load after the table and must not push it: measure once they are there
  await expect(page.getByRole("region", { name: "Metrics per run" })).toBeVisible();

  const last = rows.last();
  const geometry = await last.evaluate((row) => {
    let box: Element | null = row.parentElement;
    while (box && getComputedStyle(box).overflowY === "visible") box = box.parentElement;
    return {
      rowBottom: row.getBoundingClientRect().bottom,
      boxBottom: box?.getBoundingClientRect().bottom ?? Infinity,
      hiddenInBox: box ? box.scrollHeight - box.clientHeight : 0,
      scrollY: window.scrollY,
      viewport: window.innerHeight,
    };
  });
  console.log(`compare table, last of ${total} rows: ${JSON.stringify(geometry)}`);
  expect(geometry.scrollY).toBe(0);
  // no row is hidden inside the table's own scroll box ...
  expect(geometry.hiddenInBox).toBeLessThanOrEqual(1);
  expect(geometry.rowBottom).toBeLessThanOrEqual(geometry.boxBottom + 1);
  // ... and the last row is on the first screen
  expect(geometry.rowBottom).toBeLessThanOrEqual(geometry.viewport);
  await expect(last).toBeInViewport({ ratio: 1 });
});
