import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const EXP = "churn-xgb-tuning"; // 50 seeded manual runs with validation:auc and XGBoost parameters

/** The numbers in one column of the runs table, top to bottom (rendered rows only). */
async function columnValues(page: Page, header: string): Promise<number[]> {
  const table = page.getByRole("table", { name: "Runs" });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/[▲▼]/g, "").trim() === header);
  expect(index, `column ${header} in ${headers.join("|")}`).toBeGreaterThan(-1);
  const rows = table.getByRole("row");
  const n = Math.min(await rows.count(), 12);
  const out: number[] = [];
  for (let i = 1; i < n; i++) out.push(Number(await rows.nth(i).getByRole("cell").nth(index).innerText()));
  return out;
}

test("browse, sort by a metric, filter, choose columns, reload, open a run, compare three runs", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/experiments?q=churn-xgb");
  await signIn(page, "scientist");
  await page.getByRole("link", { name: EXP }).click();
  await expect(page.getByRole("heading", { name: EXP })).toBeVisible();
  await expect(page.getByText("50 runs match")).toBeVisible();
  await page.getByLabel("Rows").selectOption("10");
  await expect(page.getByText(/rows 1–10$/)).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText(/rows 11–20$/)).toBeVisible();
  await page.getByRole("button", { name: "First page" }).click();
  await page.getByLabel("Rows").selectOption("50");
  await expect(page.getByText(/rows 1–50$/)).toBeVisible();

  // sort by a metric (server-side)
  await page.getByRole("columnheader", { name: "validation:auc", exact: true }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=m(:|%3A)validation(:|%3A)auc(:|%3A)last/);
  await expect(page.getByRole("columnheader", { name: "validation:auc", exact: true })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const sorted = await columnValues(page, "validation:auc");
  expect(sorted.length).toBeGreaterThan(5);
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  // a bad filter says what is wrong; a good one filters on the server
  await page.getByLabel("Filter runs").fill("validation:auc > lots");
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page.getByText(/not a number/)).toBeVisible();
  await page.getByLabel("Filter runs").fill("validation:auc > 0.8 and status = Completed");
  await page.getByRole("button", { name: "Apply filter" }).click();
  // the unfiltered count ("50 runs match") stays on screen until the filtered page arrives: wait for the new one
  await expect(page.getByText(/\d+ runs match/)).not.toHaveText(/^50 runs match/);
  const matched = Number((await page.getByText(/\d+ runs match/).innerText()).split(" ")[0]);
  expect(matched).toBeGreaterThan(0);
  expect(matched).toBeLessThan(50);
  expect((await columnValues(page, "validation:auc")).every((v) => v > 0.8)).toBe(true);

  // choose a column: the max of validation:auc
  await page.getByText(/^Columns \(/).click();
  await page.getByLabel("validation:auc max").click(); // controlled by the URL: the state changes after navigation
  await expect(page).toHaveURL(/cols=.*m(:|%3A)validation(:|%3A)auc(:|%3A)max/);
  await expect(page.getByRole("columnheader", { name: "validation:auc (max)" })).toBeVisible();

  // reload keeps the view
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Filter runs")).toHaveValue("validation:auc > 0.8 and status = Completed");
  await expect(page.getByRole("columnheader", { name: "validation:auc (max)" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "validation:auc", exact: true })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await expect(page.getByText(`${matched} runs match`)).toBeVisible();

  // open a run
  const table = page.getByRole("table", { name: "Runs" });
  const firstRun = table.getByRole("row").nth(1).getByRole("link");
  const runName = await firstRun.innerText();
  await firstRun.click();
  await expect(page.getByRole("heading", { name: /^Run / })).toBeVisible();
  await expect(page.getByRole("region", { name: "Metrics" })).toContainText("validation:auc");
  await expect(page.getByRole("region", { name: "Parameters" })).toContainText("max_depth");
  await page.goBack();
  await expect(page.getByText(`${matched} runs match`)).toBeVisible();

  // compare three runs and toggle differences only
  for (let i = 1; i <= 3; i++) await table.getByRole("row").nth(i).getByRole("checkbox").click();
  await page.getByRole("link", { name: "Compare 3 runs" }).click();
  const side = page.getByRole("table", { name: "Runs side by side" });
  await expect(side).toBeVisible();
  await expect(side.getByRole("columnheader")).toHaveCount(4);
  await expect(side).toContainText(runName);
  const allRows = await side.locator("tbody tr").count();
  await page.getByLabel("Differences only").click();
  await expect(page).toHaveURL(/diff=1/);
  const diffRows = side.locator("tbody tr");
  await expect(diffRows.first()).toBeVisible();
  const shown = await diffRows.count();
  expect(shown).toBeLessThan(allRows); // e.g. "objective" is the same everywhere
  expect(await side.locator('tbody tr[data-differs="false"]').count()).toBe(0);
  await expect(page.getByRole("region", { name: "Metrics per run" })).toBeVisible();
});

test("the experiments list searches, sorts and pages in the URL, and Back restores the view", async ({
  page,
}) => {
  await page.goto("/experiments?size=10");
  await signIn(page, "viewer");
  await expect(page.getByRole("table", { name: "Experiments" })).toBeVisible();
  await page.getByRole("columnheader", { name: "Experiment" }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await page.getByRole("columnheader", { name: "Experiment" }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const table = page.getByRole("table", { name: "Experiments" });
  const firstPage = await table.getByRole("row").nth(1).getByRole("link").innerText();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(table.getByRole("row").nth(1).getByRole("link")).not.toHaveText(firstPage);
  await page.goBack();
  await expect(table.getByRole("row").nth(1).getByRole("link")).toHaveText(firstPage);

  await page.getByLabel("Search experiments by name").fill("churn");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=churn/);
  // the search answers after a moment ("Loading experiments"): wait for its rows, then every one is a churn experiment
  await expect
    .poll(async () => {
      const links = await table.getByRole("link").allInnerTexts();
      return links.length > 1 && links.every((l) => l.includes("churn")) ? "only churn" : links.join(", ");
    })
    .toBe("only churn");
  await page.getByLabel("Search experiments by name").fill("no-such-experiment-xyz");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No experiments match")).toBeVisible();
});

/** Run counts and last-activity times (epoch ms) of the experiments list's rows, top to bottom. */
async function experimentRows(page: Page): Promise<{ runs: number[]; activity: number[] }> {
  const table = page.getByRole("table", { name: "Experiments" });
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((h) =>
    h.replace(/[▲▼]/g, "").trim(),
  );
  const rows = table.locator("tbody tr");
  const runs = (await rows.locator(`td:nth-child(${headers.indexOf("Runs") + 1})`).allInnerTexts()).map((t) =>
    Number(t.replace(/\D/g, "")),
  );
  const activity = await rows
    .locator(`td:nth-child(${headers.indexOf("Last activity") + 1}) time`)
    .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
  return { runs, activity };
}

const descending = (xs: number[]) => xs.every((x, i) => i === 0 || (xs[i - 1] ?? x) >= x);
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || (xs[i - 1] ?? x) <= x);

test("the experiments list sorts by runs and by last activity, across pages and a reload (issue 20)", async ({
  page,
}) => {
  await page.goto("/experiments?size=10");
  await signIn(page, "viewer");
  const table = page.getByRole("table", { name: "Experiments" });
  await expect(table).toBeVisible();
  const runsHeader = table.getByRole("columnheader", { name: "Runs" });
  const activityHeader = table.getByRole("columnheader", { name: "Last activity" });

  await runsHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=runs&dir=desc/);
  await expect(runsHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(async () => descending((await experimentRows(page)).runs)).toBe(true);
  const first = (await experimentRows(page)).runs;
  expect(first).toHaveLength(10);
  expect(first[0]).toBeGreaterThan(first[9] ?? 0); // the order changed something: not all equal

  // the next page continues the order (sorted on the server over every experiment, then paged)
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/after=o(:|%3A)10/);
  await expect
    .poll(async () => (await experimentRows(page)).runs[0] ?? -1)
    .toBeLessThanOrEqual(first[9] ?? 0);
  expect(descending((await experimentRows(page)).runs)).toBe(true);

  // a reload keeps the sort and the page
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(runsHeader).toHaveAttribute("aria-sort", "descending");
  expect(descending((await experimentRows(page)).runs)).toBe(true);

  await page.getByRole("button", { name: "First page" }).click();
  await runsHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=runs&dir=asc/);
  await expect(runsHeader).toHaveAttribute("aria-sort", "ascending");
  await expect.poll(async () => ascending((await experimentRows(page)).runs)).toBe(true);

  await activityHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=activity&dir=desc/);
  await expect(activityHeader).toHaveAttribute("aria-sort", "descending");
  await expect(runsHeader).toHaveAttribute("aria-sort", "none");
  await expect.poll(async () => descending((await experimentRows(page)).activity)).toBe(true);
  await page.reload();
  await expect(activityHeader).toHaveAttribute("aria-sort", "descending");
  const newest = (await experimentRows(page)).activity;
  expect(newest).toHaveLength(10);
  expect(descending(newest)).toBe(true);
});
