import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Local mode: the session secret is generated once and kept in `<dataDir>/session-secret` (mode 0600),
 * so sessions survive restarts without any configuration.
 */
export function resolveSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // not there yet
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
