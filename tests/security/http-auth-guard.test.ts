import { describe, expect, it } from "vitest";
import { authRequestRefusal } from "@/lib/api/auth-guard";

const post = (body: string, type = "application/json") =>
  new Request("http://127.0.0.1/api/auth/session", {
    method: "POST",
    headers: { "content-type": type },
    body,
  });

describe("next-auth requests next-auth would crash on are refused with 400", () => {
  it.each(["junk{", "null", "[1]", '"text"'])("a JSON body %s", async (body) => {
    const res = await authRequestRefusal(post(body));
    expect(res?.status).toBe(400);
    expect(((await res?.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("lets a JSON object, a form and a GET through, and leaves the body readable", async () => {
    const req = post('{"csrfToken":"x"}');
    expect(await authRequestRefusal(req)).toBeNull();
    expect(await req.json()).toEqual({ csrfToken: "x" });
    expect(await authRequestRefusal(post("a=b", "application/x-www-form-urlencoded"))).toBeNull();
    expect(await authRequestRefusal(new Request("http://127.0.0.1/api/auth/session"))).toBeNull();
  });
});
