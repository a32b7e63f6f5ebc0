import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { summarizeHealth } from "@/lib/health-view/summary";
import { DataSourceBadgeView } from "./data-source-badge";

const local = { kind: "local", label: "Local emulator" } as const;

describe("DataSourceBadgeView", () => {
  it("healthy: the source's own colour and label", () => {
    const html = renderToStaticMarkup(
      <DataSourceBadgeView source={local} health={summarizeHealth({ status: "ok", accounts: [] })} />,
    );
    expect(html).toContain('data-health="ok"');
    expect(html).toContain("bg-emerald-100");
    expect(html).toContain(">Local emulator</span>");
  });

  it("degraded: no longer green, and says what is down in words", () => {
    const html = renderToStaticMarkup(
      <DataSourceBadgeView
        source={local}
        health={summarizeHealth({ status: "degraded", sagemaker: { ok: false }, database: { ok: true } })}
      />,
    );
    expect(html).toContain('data-health="degraded"');
    expect(html).not.toContain("bg-emerald-100");
    expect(html).toContain("Local emulator · SageMaker unreachable");
  });
});
