"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { StepInfo } from "@/lib/sagemaker/pipelines/types";
import type { LogLine } from "@/lib/sagemaker/logs/reads";
import type { StepLogs as StepLogsData } from "@/lib/pipelines/logs";
import { fetchStepLogs, logQueries } from "@/lib/query-options/logs";
import { LIVE_REFRESH_MS } from "@/lib/query-options/pipelines";
import { errorLineIndex, LogLines } from "./log-lines";

const RUNNING = new Set(["Starting", "Executing", "Stopping"]);

interface Extra {
  base: StepLogsData | undefined;
  before: LogLine[];
  after: LogLine[];
  earlier: string | undefined;
  more: string | undefined;
}

const fresh = (base: StepLogsData | undefined): Extra => ({
  base,
  before: [],
  after: [],
  earlier: base?.backwardToken,
  more: base?.filterToken,
});

/** The logs of a step's job: streams, the tail (load earlier), follow-live, a server-side filter, copy, download. */
export function StepLogs({ pipeline, id, step }: { pipeline: string; id: string; step: StepInfo }) {
  const [stream, setStream] = useState<string | undefined>();
  const [draft, setDraft] = useState("");
  const [filter, setFilter] = useState("");
  const [wrap, setWrap] = useState(true);
  const [follow, setFollow] = useState(true);
  const q = useQuery(logQueries.step(pipeline, id, step.name, { stream, filter: filter || undefined }));
  const data = q.data;
  // lines loaded besides the first page (earlier ones, followed or further matches), reset with each first page
  const [ext, setExt] = useState<Extra>(() => fresh(undefined));
  const cur = ext.base === data ? ext : fresh(data);
  const lines = [...cur.before, ...(data?.lines ?? []), ...cur.after];
  const update = (fn: (c: Extra) => Extra) => setExt((prev) => fn(prev.base === data ? prev : fresh(data)));
  const shown = data?.stream;
  const live = RUNNING.has(step.status) && follow && !filter && data?.state === "ok";
  useEffect(() => {
    if (!live || !data) return;
    let token = data.forwardToken;
    const timer = setInterval(() => {
      void fetchStepLogs(pipeline, id, step.name, { stream: data.stream, token })
        .then((page) => {
          token = page.forwardToken ?? token;
          if (page.lines.length > 0)
            setExt((prev) => {
              const c = prev.base === data ? prev : fresh(data);
              return { ...c, after: [...c.after, ...page.lines] };
            });
        })
        .catch(() => undefined);
    }, LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, data, pipeline, id, step.name]);

  const loadEarlier = async () => {
    const page = await fetchStepLogs(pipeline, id, step.name, { stream: shown, token: cur.earlier });
    update((c) => ({
      ...c,
      before: [...page.lines, ...c.before],
      earlier: page.lines.length > 0 ? page.backwardToken : undefined,
    }));
  };
  const loadMore = async () => {
    const page = await fetchStepLogs(pipeline, id, step.name, { stream: shown, filter, token: cur.more });
    update((c) => ({ ...c, after: [...c.after, ...page.lines], more: page.filterToken }));
  };
  const text = () => lines.map((l) => l.message).join("\n");
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text()}\n`], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${(shown ?? step.name).replace(/[^\w.-]+/g, "_")}.log`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const highlight = step.status === "Failed" ? errorLineIndex(lines, step.failureReason) : -1;

  return (
    <section className="space-y-2" data-testid="step-logs">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <h2 className="font-semibold">Logs of {step.name}</h2>
        {data && data.streams.length > 1 ? (
          <select
            aria-label="Log stream"
            className="rounded border border-slate-300 px-1 text-xs dark:border-slate-700 dark:bg-slate-900"
            value={shown}
            onChange={(e) => setStream(e.target.value)}
          >
            {data.streams.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        ) : data?.stream ? (
          <span className="font-mono text-xs text-slate-500">{data.stream}</span>
        ) : null}
        <form
          className="flex gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            setFilter(draft.trim());
          }}
        >
          <input
            aria-label="Filter pattern"
            placeholder='Filter pattern, e.g. ERROR -"retrying"'
            className="w-64 rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-900"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Button size="sm" type="submit">
            Filter
          </Button>
        </form>
        <Button size="sm" onClick={() => setWrap((w) => !w)}>
          {wrap ? "No wrap" : "Wrap"}
        </Button>
        {RUNNING.has(step.status) ? (
          <Button size="sm" onClick={() => setFollow((f) => !f)} aria-pressed={follow}>
            {follow ? "Following live" : "Follow live"}
          </Button>
        ) : null}
        <Button size="sm" onClick={() => void navigator.clipboard.writeText(text())}>
          Copy
        </Button>
        <Button size="sm" onClick={download}>
          Download
        </Button>
        {data?.consoleUrl ? (
          <a className="text-sky-700 hover:underline" href={data.consoleUrl} target="_blank" rel="noreferrer">
            Open in CloudWatch
          </a>
        ) : null}
      </div>
      {q.isError ? (
        <p
          className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900"
          data-testid="logs-message"
        >
          {q.error.message}
        </p>
      ) : !data ? (
        <p className="text-sm text-slate-500">Loading logs…</p>
      ) : data.state === "no-logs-yet" ? (
        <p className="text-sm text-slate-500" data-testid="logs-message">
          {data.message}
        </p>
      ) : (
        <>
          {!filter && cur.earlier ? (
            <Button size="sm" onClick={() => void loadEarlier()}>
              Load earlier
            </Button>
          ) : null}
          {filter ? (
            <p className="text-xs text-slate-500">Lines matching {filter} (filtered by CloudWatch Logs)</p>
          ) : null}
          <LogLines lines={lines} wrap={wrap} highlight={highlight} stickToBottom={!filter} />
          {filter && cur.more ? (
            <Button size="sm" onClick={() => void loadMore()}>
              More matches
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
