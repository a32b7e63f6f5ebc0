import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./index";
import { DEFAULT_AUTOSCALING, parseAutoscaling, policyForGroup } from "./autoscaling";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-aas-config-"));

describe("autoscaling policy", () => {
  it("parses any subset over the base, with spaces (tag values) or commas (env)", () => {
    expect(parseAutoscaling("min=2 max=6 target=100")).toEqual({ min: 2, max: 6, target: 100 });
    expect(parseAutoscaling("max=8,target=55.5")).toEqual({ min: 1, max: 8, target: 55.5 });
    expect(parseAutoscaling("")).toEqual(DEFAULT_AUTOSCALING);
  });

  it.each([
    ["min=0", /at least 1/],
    ["min=5 max=3", /max \(3\) must be at least min \(5\)/],
    ["max=101", /at most 100/],
    ["target=0", /more than 0/],
    ["min=1.5", /whole number/],
    ["size=3", /not min=N/],
  ])("refuses %s", (text, why) => {
    expect(() => parseAutoscaling(text)).toThrow(why);
  });

  it("a group's tag overrides the default; a bad tag falls back to the default and says why", () => {
    const base = { min: 1, max: 4, target: 70 };
    expect(policyForGroup({}, base)).toEqual({ policy: base, from: "default" });
    expect(policyForGroup({ "sagedeck:autoscaling": "min=2 max=6" }, base)).toEqual({
      policy: { min: 2, max: 6, target: 70 },
      from: "tag",
    });
    const bad = policyForGroup({ "sagedeck:autoscaling": "min=9" }, base);
    expect(bad.policy).toEqual(base);
    expect(bad.problem).toMatch(/invalid \(max \(4\) must be at least min \(9\)\)/);
  });

  it("SAGEDECK_AUTOSCALING sets the default and is validated at start", () => {
    expect(loadConfig({}, dir).autoscaling).toEqual({ min: 1, max: 4, target: 70 });
    expect(loadConfig({ SAGEDECK_AUTOSCALING: "min=2,max=6,target=100" }, dir).autoscaling).toEqual({
      min: 2,
      max: 6,
      target: 100,
    });
    expect(() => loadConfig({ SAGEDECK_AUTOSCALING: "min=3,max=2" }, dir)).toThrow(
      /SAGEDECK_AUTOSCALING is invalid \(max \(2\) must be at least min \(3\)\)/,
    );
  });
});
