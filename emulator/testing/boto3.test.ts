/**
 * The main flows through boto3 (python3), a client independent of the JS SDK, against the same emulator. Without
 * python3/boto3 the test says so, and fails under CI=true.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "./fixture";

const emu = emulatorFixture();

function boto3Missing(): string | undefined {
  try {
    execFileSync("python3", ["-c", "import boto3"], { stdio: "ignore" });
    return undefined;
  } catch {
    return "python3 with boto3 is not available: the boto3 flows did not run (pip install boto3)";
  }
}

function run(endpoint: string, file = "flows.py"): Promise<{ code: number; out: string }> {
  const script = path.join(__dirname, "boto3", file);
  return new Promise((resolve) => {
    execFile("python3", [script, endpoint], { timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe("boto3 agrees with the JS SDK", () => {
  it("pages lists, stops/fails/retries an execution, approves and stages a version, searches with filters", async () => {
    const missing = boto3Missing();
    if (missing) {
      if (process.env.CI === "true") throw new Error(missing);
      console.warn(missing);
      return;
    }
    const { code, out } = await run(emu.handle().endpoint);
    console.log(out.trim());
    expect(out).toContain("boto3 flows: ok");
    expect(code, out).toBe(0);
  }, 150_000);

  it("assumes roles through STS, keeps accounts apart and shares a registry group by policy", async () => {
    const missing = boto3Missing();
    if (missing) {
      if (process.env.CI === "true") throw new Error(missing);
      console.warn(missing);
      return;
    }
    const { code, out } = await run(emu.handle().endpoint, "accounts.py");
    console.log(out.trim());
    expect(out).toContain("boto3 accounts: ok");
    expect(code, out).toBe(0);
  }, 150_000);
});
