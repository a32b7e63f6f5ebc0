import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";
import { can, PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";
import { safeCallbackPath } from "./safe-callback";

describe("permissions (DESIGN.md table)", () => {
  it.each([
    ["viewer", []],
    ["scientist", ["pipelines.run"]],
    ["approver", ["models.decide", "models.promote"]],
    ["manager", ["maturity.manage"]],
    [
      "admin",
      [
        "pipelines.run",
        "models.decide",
        "models.promote",
        "maturity.manage",
        "models.share",
        "users.manage",
        "settings.read",
        "notifications.manage",
      ],
    ],
  ] as const)("%s may read and exactly %j beyond that", (role, extra) => {
    const granted = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => can(role, p));
    expect(granted).toEqual(["read", ...extra]);
  });

  it("covers every role", () => {
    for (const role of ROLES) expect(can(role, "read")).toBe(true);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/pipelines?x=1", "/pipelines?x=1"],
    [null, "/"],
    ["https://evil.example/x", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["http://127.0.0.1:3000/models#v", "/models#v"],
    ["/login?callbackUrl=/x", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input, "http://127.0.0.1:3000")).toBe(expected);
  });
});

describe("passwords", () => {
  it("hashes with scrypt and a salt, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct horsE", a)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it("generates distinct passwords", () => {
    expect(generatePassword()).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(generatePassword()).not.toBe(generatePassword());
  });
});
