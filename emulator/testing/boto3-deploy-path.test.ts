/**
 * Issue 16's deployment path through boto3 (python3), a client independent of the JS SDK: the seeded gate's
 * token round trip (approved, then refused as already completed; a foreign token refused as invalid), the
 * production deploy it unblocks, and Application Auto Scaling on that endpoint. Answers are model-checked.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "./fixture";

const emu = emulatorFixture();

describe("boto3 agrees on CodePipeline and Application Auto Scaling", () => {
  it("answers the seeded gate, deploys production and scales it", async () => {
    try {
      execFileSync("python3", ["-c", "import boto3"], { stdio: "ignore" });
    } catch {
      const missing = "python3 with boto3 is not available: the boto3 deploy-path flow did not run";
      if (process.env.CI === "true") throw new Error(missing);
      console.warn(missing);
      return;
    }
    const script = path.join(__dirname, "boto3", "deploy_path.py");
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile("python3", [script, emu.handle().endpoint], { timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, out: `${stdout}${stderr}` });
      });
    });
    expect(out).toContain("boto3 deploy path: ok");
    expect(code, out).toBe(0);
  }, 150_000);
});
