import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "@/tests/helpers/emulator";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

function runScript(script: string, args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, [TSX, script, ...args], {
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-script-"));

describe("npm start fails fast on bad configuration with one clear line", () => {
  it("AWS mode without NEXTAUTH_SECRET", async () => {
    const r = runScript("scripts/start.ts", [], {
      SAGEMAKER_MODE: "aws",
      PORT: String(await freePort()),
      SAGEDECK_DATA_DIR: dataDir(),
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^sagedeck: NEXTAUTH_SECRET is required when SAGEMAKER_MODE=aws/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a DATABASE_URL nobody answers, with the password hidden", async () => {
    const r = runScript("scripts/start.ts", [], {
      DATABASE_URL: `postgres://app:hunter2@127.0.0.1:${await freePort()}/app`,
      PORT: String(await freePort()),
      SAGEDECK_DATA_DIR: dataDir(),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /sagedeck: Cannot open PostgreSQL at DATABASE_URL=postgres:\/\/app:\*\*\*@127\.0\.0\.1/,
    );
    expect(r.stderr).not.toContain("hunter2");
  });

  it("an unreachable custom endpoint", async () => {
    const r = runScript("scripts/start.ts", [], {
      SAGEMAKER_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
      PORT: String(await freePort()),
      SAGEDECK_DATA_DIR: dataDir(),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /sagedeck: SageMaker is not reachable: .*ECONNREFUSED.*check SAGEMAKER_ENDPOINT/,
    );
  }, 60_000);
});

describe("npm run user", () => {
  it("adds, changes role, disables and lists accounts", () => {
    const env = { SAGEDECK_DATA_DIR: dataDir() };
    const add = runScript("scripts/user.ts", ["add", "kim", "--role", "scientist", "--name", "Kim Lee"], env);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Created kim \(scientist\)\. Password: \S+/);
    expect(runScript("scripts/user.ts", ["role", "kim", "approver"], env).code).toBe(0);
    expect(runScript("scripts/user.ts", ["disable", "kim"], env).code).toBe(0);
    const list = runScript("scripts/user.ts", ["list"], env);
    expect(list.stdout).toMatch(/kim\s+approver\s+disabled\s+Kim Lee/);
    const bad = runScript("scripts/user.ts", ["role", "kim", "boss"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'user: "boss" is not a role; use one of viewer, scientist, approver, manager, admin.',
    );
  }, 60_000);

  it("refuses to open the embedded database while another process holds it", () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, "pglite.lock"), String(process.pid)); // this test process plays the server
    const r = runScript("scripts/user.ts", ["list"], { SAGEDECK_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`is in use by process ${process.pid}`);
  });
});
