import { defaultShouldDehydrateQuery, isServer, QueryCache, QueryClient } from "@tanstack/react-query";
import { FetchError } from "./fetcher";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // 401 is handled once, here: the session ended, so go to sign-in and come back
        if (!isServer && error instanceof FetchError && error.status === 401) {
          const back = `${window.location.pathname}${window.location.search}`;
          // a full page load on purpose: the whole client state belongs to the old session
          const target = new URL(`/login?callbackUrl=${encodeURIComponent(back)}`, window.location.origin);
          window.location.assign(target.toString());
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // no retries for 4xx: they will not get better by themselves
        retry: (count, error) => !(error instanceof FetchError && error.status < 500) && count < 2,
      },
      dehydrate: {
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** Server: a new client per request. Browser: one client for the page's lifetime. */
export function getQueryClient(): QueryClient {
  if (isServer) return createQueryClient();
  browserClient ??= createQueryClient();
  return browserClient;
}
