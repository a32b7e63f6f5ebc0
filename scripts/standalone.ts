/**
 * After `next build` (`npm run build`): completes .next/standalone into what the image runs. Next leaves the
 * static assets and public/ out of the standalone folder (a CDN may serve them): copied here, as Next's docs
 * ask; the migrations (drizzle/) are copied; scripts/serve.ts is bundled to serve.js (next, pg, PGlite and
 * prom-client and pino stay external: they are in the traced node_modules).
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = process.cwd();
const out = path.join(root, ".next", "standalone");

function copy(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(out, "server.js"))) {
    console.error(
      'standalone: .next/standalone/server.js is missing; is output: "standalone" set in next.config.ts?',
    );
    process.exit(1);
  }
  copy(path.join(root, ".next", "static"), path.join(out, ".next", "static"));
  copy(path.join(root, "public"), path.join(out, "public"));
  copy(path.join(root, "drizzle"), path.join(out, "drizzle"));
  await build({
    entryPoints: [path.join(root, "scripts", "serve.ts")],
    outfile: path.join(out, "serve.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    tsconfig: path.join(root, "tsconfig.json"),
    external: ["next", "next/*", "pg", "pg-native", "@electric-sql/pglite", "prom-client", "pino"],
    logLevel: "warning",
  });
  console.log("standalone: .next/standalone is complete (node .next/standalone/serve.js)");
}

void main();
