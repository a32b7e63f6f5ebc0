/**
 * npm run openapi — writes docs/openapi.json from the routes themselves (lib/api/openapi). The committed file
 * is checked by lib/api/openapi/openapi.test.ts: a route whose schema changes without it fails the test.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { openApiDocument } from "@/lib/api/openapi";
import { validateOpenApi } from "@/lib/api/openapi/validate";

async function main(): Promise<void> {
  const target = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));
  const doc = openApiDocument();
  const problems = validateOpenApi(doc);
  if (problems.length > 0) {
    console.error(`docs/openapi.json not written, the document has problems:\n${problems.join("\n")}`);
    process.exitCode = 1;
    return;
  }
  // formatted as `npm run format` would leave it, so format:check stays clean
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(JSON.stringify(doc), { ...options, filepath: target }));
  console.log(`wrote docs/openapi.json (${Object.keys(doc.paths).length} paths)`);
}

void main();
