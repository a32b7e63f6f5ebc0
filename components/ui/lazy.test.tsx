import type { ReactNode } from "react";
import { renderToReadableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { lazyComponent } from "./lazy";

function Hello({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

/** The whole server render, waiting for every Suspense boundary (as Next's streaming render does). */
async function serverHtml(ui: ReactNode): Promise<string> {
  const stream = await renderToReadableStream(ui);
  await stream.allReady;
  return new Response(stream).text();
}

describe("lazyComponent", () => {
  it("renders the loaded component on the server with its props (the page's HTML keeps its content)", async () => {
    const Lazy = lazyComponent(() => Promise.resolve(Hello), { loading: () => <p>loading</p> });
    const html = await serverHtml(<Lazy name="runs" />);
    expect(html).toContain("hello <!-- -->runs");
  });

  it("with ssr: false, the server sends only the placeholder", async () => {
    const Lazy = lazyComponent(() => Promise.resolve(Hello), { ssr: false, loading: () => <p>drawing</p> });
    const html = await serverHtml(<Lazy name="runs" />);
    expect(html).toContain("drawing");
    expect(html).not.toContain("hello");
  });
});
