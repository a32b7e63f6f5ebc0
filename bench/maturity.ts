/**
 * The maturity report: upstream SageMaker calls and latency, cold cache, warm cache (within the read TTL),
 * and the collection alone. Run: npx tsx bench/maturity.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "@/tests/helpers/emulator";
import { figure } from "./report";

async function main() {
  const emu = await startEmulator({ env: { EMULATOR_VALIDATE_MODEL: "" } }); // no model check: it would slow the figures
  process.env.SAGEMAKER_ENDPOINT = emu.url;
  process.env.SAGEMAKER_CACHE_TTL_MS = "60000";
  process.env.SAGEDECK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "sagedeck-bench-"));
  const { collectMaturity } = await import("@/lib/maturity-report/collect");
  const { assessOrganisation } = await import("@/lib/maturity/assess");
  const stats = async () => {
    const s = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as {
      total: number;
      calls: Record<string, number>;
    };
    await fetch(`${emu.url}/_emulator/stats/reset`, { method: "POST" });
    return s;
  };
  try {
    await stats();
    for (const label of ["cold", "warm"]) {
      const t0 = performance.now();
      const c = await collectMaturity();
      const t1 = performance.now();
      assessOrganisation(c.solutions, c.orgProjects);
      const t2 = performance.now();
      const s = await stats();
      const per = (s.total / c.solutions.length).toFixed(0);
      console.log(
        `${label}: ${s.total} SageMaker calls (${per} per solution, ${c.solutions.length} solutions); collect ${(t1 - t0).toFixed(0)} ms, assess ${(t2 - t1).toFixed(1)} ms`,
      );
      figure({
        bench: "maturity",
        name: `${label} collection: SageMaker calls`,
        value: s.total,
        unit: "calls",
      });
      figure({ bench: "maturity", name: `${label} collection: time`, value: t1 - t0, unit: "ms" });
      if (label === "cold")
        console.log(
          "  by operation:",
          Object.entries(s.calls)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${v}`)
            .join(", "),
        );
    }
  } finally {
    await emu.stop();
  }
}

void main();
