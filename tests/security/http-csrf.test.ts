import "@/tests/helpers/scratch-data-dir";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/db/users";
import { apiRequest } from "@/tests/helpers/api-request";
import { callRoute, errorOf } from "@/tests/helpers/route-call";
import { sessionUser } from "@/tests/helpers/session-user";

let currentUser: SessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUser: () => Promise.resolve(currentUser) }));

const users = await import("@/app/api/users/route");
const URL = "http://127.0.0.1:3000/api/users";
const input = (username: string) => ({
  username,
  name: "Mallory",
  password: "long-enough-pw",
  role: "admin",
});
const usernames = async () => (await listUsers(await getDb())).map((u) => u.username);

beforeEach(() => {
  currentUser = sessionUser("ada", "admin");
});

describe("cross-site writes are refused before anything runs (CSRF)", () => {
  const attempts: [string, () => Request][] = [
    [
      "a text/plain body (what an HTML form can send)",
      () =>
        new Request(URL, {
          method: "POST",
          headers: { "content-type": "text/plain", origin: "http://127.0.0.1:3000" },
          body: JSON.stringify(input("eve1")),
        }),
    ],
    ["JSON without any Origin", () => apiRequest("POST", URL, input("eve2"), { origin: "" })],
    [
      "JSON from a foreign origin",
      () => apiRequest("POST", URL, input("eve3"), { origin: "http://127.0.0.1:4000" }),
    ],
    [
      "a foreign origin that the browser calls same-site",
      () =>
        apiRequest("POST", URL, input("eve4"), {
          origin: "http://127.0.0.1:4000",
          "sec-fetch-site": "same-site",
        }),
    ],
    ["Origin: null (a sandboxed frame)", () => apiRequest("POST", URL, input("eve5"), { origin: "null" })],
  ];

  for (const [name, build] of attempts) {
    it(`403 for ${name}, and no user is created`, async () => {
      const req = build();
      if (req.headers.get("origin") === "") req.headers.delete("origin");
      const before = await usernames();
      const res = await callRoute(users.POST, req);
      expect(res.status).toBe(403);
      const error = await errorOf(res);
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/Content-Type: application\/json|Origin|another site/);
      expect(await usernames()).toEqual(before);
    });
  }

  it("accepts same-origin JSON: by Origin, by the public URL's origin, or by Sec-Fetch-Site without Origin", async () => {
    expect((await callRoute(users.POST, apiRequest("POST", URL, input("okuser1")))).status).toBe(201);
    const viaPublicUrl = apiRequest("POST", "http://internal:8080/api/users", input("okuser2"), {
      origin: "http://127.0.0.1:3000", // NEXTAUTH_URL default: http://127.0.0.1:$PORT
    });
    expect((await callRoute(users.POST, viaPublicUrl)).status).toBe(201);
    const noOrigin = apiRequest("POST", URL, input("okuser3"), { "sec-fetch-site": "same-origin" });
    noOrigin.headers.delete("origin");
    expect((await callRoute(users.POST, noOrigin)).status).toBe(201);
    expect(await usernames()).toEqual(expect.arrayContaining(["okuser1", "okuser2", "okuser3"]));
  });

  it("reads stay open to plain GETs (no Origin needed)", async () => {
    const res = await callRoute(users.GET, new Request(URL));
    expect(res.status).toBe(200);
  });

  it("every API answer is no-store and nosniff, errors included", async () => {
    const ok = await callRoute(users.GET, new Request(URL));
    const refused = await callRoute(users.POST, new Request(URL, { method: "POST", body: "x" }));
    for (const res of [ok, refused]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
