import { queryOptions } from "@tanstack/react-query";
import type { OutsidePage } from "@/lib/approvals/outside";
import { fetchJson } from "./fetcher";
import { qs } from "@/lib/url/query-string";

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
        const q = qs({
          group: p.group,
          page: p.page && p.page > 1 ? p.page : undefined,
          attention: p.attention ? "1" : undefined,
        });
        return fetchJson<OutsidePage>(`/api/approvals/outside${q}`);
      },
    }),
};
