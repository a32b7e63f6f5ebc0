import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const EXP = "churn-xgb-tuning"; // 50 seeded runs: a runs table with a column per XGBoost parameter

/** The element that scrolls the table sideways: the table itself or its nearest scrolling ancestor. */
async function scroller(table: Locator): Promise<Locator> {
  await table.evaluate((el) => {
    let box: Element | null = el;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    box?.setAttribute("data-test-scroller", "");
  });
  return table.page().locator("[data-test-scroller]");
}

interface Geometry {
  /** the scroll box's visible content area, relative to its border box (px) */
  left: number;
  width: number;
  /** the y of each body row's last pixel line, relative to the scroll box's border box */
  bottoms: number[];
}

/** Where the first body rows in view end, in the scroll box's own coordinates. */
async function geometry(table: Locator): Promise<Geometry> {
  return table.evaluate((el) => {
    const box = el.closest("[data-test-scroller]");
    if (!box) throw new Error("no scroll box");
    const r = box.getBoundingClientRect();
    const head = el.querySelector("thead, [role=row]")?.getBoundingClientRect().bottom ?? r.top;
    const bottoms = [...el.querySelectorAll("[role=row], tr")]
      .map((row) => row.getBoundingClientRect())
      .filter(
        (b) => b.top >= head - 0.5 && b.bottom <= r.top + box.clientTop + box.clientHeight && b.height > 0,
      )
      .slice(0, 6)
      .map((b) => Math.round(b.bottom - r.top) - 1);
    return { left: box.clientLeft, width: box.clientWidth, bottoms };
  });
}

/**
 * For each row, the share of the visible width where a separator is painted on the row's last pixel line: the
 * pixel differs from the row's background 3 px above it (inside the cell padding). Read from a screenshot, so it
 * is what the user sees, whatever draws the line.
 */
async function separatorCover(page: Page, table: Locator): Promise<number[]> {
  await page.mouse.move(0, 0); // no hovered row
  const box = await scroller(table);
  const g = await geometry(table);
  expect(g.bottoms.length, "body rows in view").toBeGreaterThan(2);
  const png = (await box.screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, g }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext("2d");
      if (!ctx) throw new Error("no 2d context");
      ctx.drawImage(bmp, 0, 0);
      const px = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data].join(",");
      return g.bottoms.map((y) => {
        let lined = 0;
        for (let x = g.left; x < g.left + g.width; x++) if (px(x, y) !== px(x, y - 3)) lined++;
        return lined / g.width;
      });
    },
    { png, g },
  );
}

// issue 20: "row separators stopping when scrolled sideways" — each row's separator spans the whole width
test("a wide table's row separators run across the columns scrolled into view sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(`/experiments/${EXP}`);
  await signIn(page, "viewer");
  const table = page.getByRole("table", { name: "Runs" });
  await expect(table.getByRole("row").nth(5)).toBeVisible();
  const box = await scroller(table);
  const scroll = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  // the table is wider than its box: there is something to scroll sideways
  expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth + 200);

  // before scrolling, the separators span the box (the way the test reads them works)
  for (const share of await separatorCover(page, table)) expect(share).toBeGreaterThan(0.97);

  // scrolled to the far right, they still do
  await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(200);
  await page.waitForTimeout(200); // a frame or two for the virtual body to settle
  const cover = await separatorCover(page, table);
  console.log(`separator cover scrolled sideways: ${cover.map((c) => c.toFixed(3)).join(" ")}`);
  for (const share of cover) expect(share).toBeGreaterThan(0.97);
});
