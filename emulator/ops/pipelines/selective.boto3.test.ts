/** Selective execution through boto3 (python3), a second client: the re-run, the marks, the refusals. */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { emulatorFixture } from "../../testing/fixture";

const emu = emulatorFixture();

it("boto3 re-runs one step of a failed execution and reads the carried-over steps", async () => {
  try {
    execFileSync("python3", ["-c", "import boto3"], { stdio: "ignore" });
  } catch {
    const missing = "python3 with boto3 is not available: the boto3 selective flow did not run";
    if (process.env.CI === "true") throw new Error(missing);
    console.warn(missing);
    return;
  }
  const script = path.join(__dirname, "..", "..", "testing", "boto3", "selective.py");
  const out = await new Promise<string>((resolve) =>
    execFile("python3", [script, emu.handle().endpoint], { timeout: 120_000 }, (_err, stdout, stderr) =>
      resolve(`${stdout}${stderr}`),
    ),
  );
  expect(out.trim()).toContain("boto3 selective: ok");
}, 150_000);
