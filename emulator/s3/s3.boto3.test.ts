/** The emulator's S3 REST API through boto3 (botocore's rest-xml parser), a client independent of the JS SDK. */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorFixture } from "../testing/fixture";

const emu = emulatorFixture();

describe("S3 through boto3", () => {
  it("reads a version's ModelMetrics report, pages ListObjectsV2 and gets S3's errors", async () => {
    try {
      execFileSync("python3", ["-c", "import boto3"], { stdio: "ignore" });
    } catch {
      const missing =
        "python3 with boto3 is not available: the boto3 S3 flow did not run (pip install boto3)";
      if (process.env.CI === "true") throw new Error(missing);
      console.warn(missing);
      return;
    }
    const script = path.join(__dirname, "..", "testing", "boto3", "s3.py");
    const { code, out } = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile("python3", [script, emu.handle().endpoint], { timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, out: `${stdout}${stderr}` });
      });
    });
    expect(out).toContain("boto3 s3: ok");
    expect(code, out).toBe(0);
  }, 90_000);
});
