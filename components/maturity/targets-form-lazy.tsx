"use client";

import { lazyComponent } from "@/components/ui/lazy";
import { LoadingBlock } from "@/components/ui/states";

/**
 * The targets form (managers only) with its form library, loaded only where it is shown: the maturity page's
 * first-load JS stays within issue 18's budget for everyone else.
 */
export const TargetsForm = lazyComponent(() => import("./targets-form").then((m) => m.TargetsForm), {
  loading: () => <LoadingBlock rows={1} label="Loading targets" />,
});
