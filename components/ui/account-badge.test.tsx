import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccountBadge, AccountsProvider, type AccountInfo } from "./account-badge";

const ONE: AccountInfo[] = [{ name: "home", accountId: "123456789012" }];
const THREE: AccountInfo[] = [
  { name: "development", accountId: "123456789012" },
  { name: "staging", accountId: "222222222222" },
  { name: "production", accountId: "333333333333" },
];

const render = (accounts: AccountInfo[], account: string | undefined) =>
  renderToStaticMarkup(
    <AccountsProvider accounts={accounts}>
      <AccountBadge account={account} />
    </AccountsProvider>,
  );

describe("AccountBadge", () => {
  it("shows nothing with a single account (today's UI unchanged)", () => {
    expect(render(ONE, "home")).toBe("");
  });

  it("with several accounts: the name, its id on hover, and a link to that account's endpoints", () => {
    const html = render(THREE, "production");
    expect(html).toContain('href="/endpoints?account=production"');
    expect(html).toContain('title="Account production (333333333333)"');
    expect(html).toContain(">production</span>");
    expect(render(THREE, undefined)).toBe("");
  });
});
