/** Reads of a job's CloudWatch Logs: its streams, a page of one stream (paging tokens), a server-side filter. */
import {
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { getLogsClient } from "./client";
import { translateLogsError } from "./errors";

export interface LogLine {
  /** epoch ms */
  t: number;
  message: string;
}

export interface LogPage {
  lines: LogLine[];
  /** the token for newer lines (the same one comes back at the end of the stream) */
  forwardToken: string | undefined;
  /** the token for earlier lines */
  backwardToken: string | undefined;
}

async function call<T>(operation: string, group: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw translateLogsError(err, operation, group);
  }
}

/** The streams of a job (`<job>/…`, one per instance), by name. */
export async function listJobStreams(group: string, job: string): Promise<string[]> {
  return call("DescribeLogStreams", group, async () => {
    const out: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 20; i++) {
      const r = await getLogsClient().send(
        new DescribeLogStreamsCommand({
          logGroupName: group,
          logStreamNamePrefix: `${job}/`,
          nextToken: token,
        }),
      );
      for (const s of r.logStreams ?? []) if (s.logStreamName) out.push(s.logStreamName);
      token = r.nextToken;
      if (!token) break;
    }
    return out;
  });
}

/**
 * One page of a stream: without a token its last `limit` lines; with a forward token the lines after it (the
 * same token comes back when there is nothing new); with a backward token the lines before it.
 */
export async function readStream(
  group: string,
  stream: string,
  limit: number,
  token?: string,
): Promise<LogPage> {
  return call("GetLogEvents", group, async () => {
    const r = await getLogsClient().send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, limit, nextToken: token }),
    );
    return {
      lines: (r.events ?? []).map((e) => ({ t: e.timestamp ?? 0, message: e.message ?? "" })),
      forwardToken: r.nextForwardToken,
      backwardToken: r.nextBackwardToken,
    };
  });
}

/** Lines of a stream matching a CloudWatch Logs filter pattern, applied by the service (FilterLogEvents). */
export async function filterStream(
  group: string,
  stream: string,
  pattern: string,
  limit: number,
  token?: string,
): Promise<{ lines: LogLine[]; nextToken: string | undefined }> {
  return call("FilterLogEvents", group, async () => {
    const r = await getLogsClient().send(
      new FilterLogEventsCommand({
        logGroupName: group,
        logStreamNames: [stream],
        filterPattern: pattern,
        limit,
        nextToken: token,
      }),
    );
    return {
      lines: (r.events ?? []).map((e) => ({ t: e.timestamp ?? 0, message: e.message ?? "" })),
      nextToken: r.nextToken,
    };
  });
}
