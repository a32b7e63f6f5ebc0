"use client";

import { lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from "react";

const never = () => () => {};

/** False on the server and while hydrating, true once the page is live in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

interface LazyOptions {
  /** shown while the code loads (and, with `ssr: false`, on the server) */
  loading?: () => ReactNode;
  /** false: render only in the browser (charts measuring the page) */
  ssr?: boolean;
}

/**
 * A component whose code is fetched when it is first rendered, in a chunk of its own (issue 18: not in the
 * route's first-load JS). React's own `lazy` + `Suspense` rather than `next/dynamic`, whose loader runtime
 * alone adds ~2.3 kB gzip to every route that uses it. The server still renders it (unless `ssr: false`).
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { loading, ssr = true }: LazyOptions = {},
): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  const Loading = loading;
  const fallback = Loading ? <Loading /> : null;
  function Loaded(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  if (ssr) return Loaded;
  return function ClientOnly(props: P) {
    return useHydrated() ? <Loaded {...props} /> : fallback;
  };
}
