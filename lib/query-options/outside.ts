import { queryOptions } from "@tanstack/react-query";
import type { OutsidePage } from "@/lib/approvals/outside";
import { fetchJson } from "./fetcher";

export interface OutsideParams {
  group?: string;
  page?: number;
  /** only approved or staged outside SageDeck (the inbox); the audit lists every change */
  attention?: boolean;
}

/** Changes SageMaker reports that SageDeck did not make (inbox "needs attention", audit "outside SageDeck"). */
export const outsideQueries = {
  list: (p: OutsideParams) =>
    queryOptions({
      queryKey: ["approvals", "outside", p] as const,
      queryFn: () => {
        const s = new URLSearchParams();
        if (p.group) s.set("group", p.group);
        if (p.page && p.page > 1) s.set("page", String(p.page));
        if (p.attention) s.set("attention", "1");
        const q = s.toString();
        return fetchJson<OutsidePage>(`/api/approvals/outside${q ? `?${q}` : ""}`);
      },
    }),
};
