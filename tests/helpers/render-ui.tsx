/** Server-render a client component for a component test: an app router stub, URL state and React Query. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const router = {
  back: () => undefined,
  forward: () => undefined,
  refresh: () => undefined,
  push: () => undefined,
  replace: () => undefined,
  prefetch: () => undefined,
  bfcacheId: "test",
};

/** `search`: the page's query string; `client`: a QueryClient whose cache the test has filled. */
export function renderUi(ui: ReactNode, opts: { search?: string; client?: QueryClient } = {}): string {
  const client = opts.client ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderToStaticMarkup(
    <AppRouterContext.Provider value={router}>
      <NuqsTestingAdapter searchParams={opts.search ?? ""}>
        <QueryClientProvider client={client}>{ui}</QueryClientProvider>
      </NuqsTestingAdapter>
    </AppRouterContext.Provider>,
  );
}
