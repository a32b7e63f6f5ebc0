/** URL ⇄ list query parsing, shared by the server pages (prefetch) and the client tables. */
import type { ExecutionListQuery, PipelineListQuery } from "./queries";

type Get = (key: string) => string | undefined;

export const numberParam = (v: string | undefined): number | undefined => {
  const n = v === undefined || v === "" ? NaN : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export const SORTS = [
  ["lastRun", "Last run"],
  ["name", "Name"],
  ["lastModified", "Last modified"],
  ["created", "Created"],
] as const;

export function readPipelineListQuery(get: Get): PipelineListQuery {
  const sort = SORTS.find(([k]) => k === get("sort"))?.[0];
  const order = get("order") === "asc" ? "asc" : get("order") === "desc" ? "desc" : undefined;
  return { q: get("q"), sort, order, page: numberParam(get("page")) };
}

export function readExecutionListQuery(get: Get): ExecutionListQuery {
  return {
    status: get("status"),
    param: get("param"),
    find: get("find"),
    before: numberParam(get("before")),
    after: numberParam(get("after")),
  };
}

/** Reads a Next.js searchParams object. */
export const fromSearchParams =
  (sp: Record<string, string | string[] | undefined>): Get =>
  (k) => {
    const v = sp[k];
    return typeof v === "string" ? v : undefined;
  };
