import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccountsProvider, type AccountInfo } from "@/components/ui/account-badge";
import { Served } from "./models-list";

const render = (accounts: AccountInfo[], version?: number, account?: string) =>
  renderToStaticMarkup(
    <AccountsProvider accounts={accounts}>
      <Served version={version} account={account} />
    </AccountsProvider>,
  );

describe("models list: what Staging / Production serve", () => {
  it("names the account of the stage's endpoint when several accounts are configured", () => {
    const html = render(
      [
        { name: "development", accountId: "123456789012" },
        { name: "production", accountId: "333333333333" },
      ],
      3,
      "production",
    );
    expect(html).toContain("v3");
    expect(html).toContain('data-account="production"');
    expect(html).toContain('href="/endpoints?account=production"');
  });

  it("shows the version alone with one account, and a dash when the stage serves nothing", () => {
    expect(render([{ name: "home" }], 3, "home")).toBe("v3 ");
    expect(render([{ name: "a" }, { name: "b" }], undefined, "b")).toBe("—");
  });
});
