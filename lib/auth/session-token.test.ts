import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionCookieName, sessionCookieValue, sessionUserOf } from "./session-token";

const SECRET = "s".repeat(40);

describe("session cookie decoding (remembered per cookie value, never past exp)", () => {
  it("decodes a next-auth session token, and the same value again from memory", async () => {
    const raw = await encode({
      token: { sub: "u1", username: "ana", role: "approver", sid: "sid-1" },
      secret: SECRET,
    });
    const a = await decodeSessionToken(raw, SECRET);
    expect(a).toMatchObject({ username: "ana", role: "approver", sid: "sid-1" });
    expect(await decodeSessionToken(raw, SECRET)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it("refuses a tampered value, another secret's token and an expired token", async () => {
    const raw = await encode({ token: { sub: "u2", role: "viewer", sid: "sid-2" }, secret: SECRET });
    expect(await decodeSessionToken(`${raw.slice(0, -4)}AAAA`, SECRET)).toBeNull();
    expect(await decodeSessionToken(raw, "o".repeat(40))).toBeNull();
    const short = await encode({
      token: { sub: "u3", role: "viewer", sid: "sid-3" },
      secret: SECRET,
      maxAge: 60,
    });
    const now = Date.now();
    expect(await decodeSessionToken(short, SECRET, now)).not.toBeNull();
    // remembered, but not past its exp
    expect(await decodeSessionToken(short, SECRET, now + 61_000)).toBeNull();
  });

  it("joins next-auth's cookie chunks and uses the __Secure- name for https", () => {
    expect(sessionCookieName(true)).toBe("__Secure-next-auth.session-token");
    const name = sessionCookieName(false);
    expect(
      sessionCookieValue(
        [
          { name: `${name}.1`, value: "b" },
          { name: "other", value: "x" },
          { name: `${name}.0`, value: "a" },
        ],
        name,
      ),
    ).toBe("ab");
    expect(sessionCookieValue([{ name: `__Secure-${name}`, value: "z" }], name)).toBeNull();
  });

  it("a token without a role (signed out by the session check) is no user", () => {
    expect(sessionUserOf({ sub: "u4", username: "dana" })).toBeNull();
    expect(sessionUserOf({ sub: "u4", username: "dana", role: "manager", provider: "credentials" })).toEqual({
      id: "u4",
      username: "dana",
      name: "dana",
      role: "manager",
      provider: "credentials",
    });
  });
});
