import { expect, test, type Page } from "@playwright/test";
import { NAV_LABELS, signIn } from "./helpers";

// a phone held upright (issue 20): every nav item reachable, no page wider than the screen
test.use({ viewport: { width: 390, height: 844 } });

const WIDTH = 390;

/** The page's scroll width and, when too wide, the outermost elements sticking out (for the failure message). */
async function pageWidth(page: Page): Promise<{ width: number; culprits: string[] }> {
  return page.evaluate((max) => {
    // inside a box that scrolls sideways (a wide table's own scroller): fine — but only when that box is on the
    // element's containing-block chain: an absolutely positioned element (an sr-only text) is laid out against
    // its nearest positioned ancestor, and a scroller below that ancestor neither clips nor scrolls it
    const clipped = (el: Element): boolean => {
      for (let node: Element | null = el; node;) {
        const position: string = getComputedStyle(node).position;
        if (position === "fixed") return false;
        const up: Element | null =
          position === "absolute" && node instanceof HTMLElement ? node.offsetParent : node.parentElement;
        if (!up) return false;
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(up).overflowX)) return true;
        node = up;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right <= max + 1 || r.width === 0) continue;
      if (clipped(el)) continue;
      const parent = el.parentElement;
      // report the outermost only
      if (parent && parent.getBoundingClientRect().right > max + 1 && !clipped(parent)) continue;
      culprits.push(
        `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 80)} → ${Math.round(r.right)}px`,
      );
    }
    return { width: document.documentElement.scrollWidth, culprits: culprits.slice(0, 5) };
  }, WIDTH);
}

test("at 390 px the navigation shows every section and the overview, executions, models and audit log fit the screen", async ({
  page,
}) => {
  await page.goto("/");
  await signIn(page, "admin");

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of NAV_LABELS) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeInViewport({ ratio: 1 });
  }

  for (const path of ["/pipelines/churn-train", "/", "/models", "/audit"]) {
    await page.goto(path);
    await expect(page.locator("#page-title")).toBeVisible();
    await page.waitForLoadState("networkidle");
    const { width, culprits } = await pageWidth(page);
    expect(width, `${path} is wider than the screen: ${culprits.join("; ")}`).toBeLessThanOrEqual(WIDTH);
  }
});
