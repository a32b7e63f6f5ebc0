/**
 * Operators' logs. LOG_FORMAT=json: one JSON object per line on stdout (`time`, `level`, `msg` and fields), what
 * log pipelines (CloudWatch, Loki, Datadog) parse; text (default, local): one readable line. Never secrets,
 * tokens or stack traces of other people's requests in `msg`; a stack goes into `stack` of error lines only.
 */
import { getConfig } from "@/lib/config";

export type LogLevel = "info" | "warn" | "error";

export function logFormat(): "text" | "json" {
  try {
    return getConfig().ops.logFormat;
  } catch {
    return "text"; // a bad configuration is reported elsewhere; logging must not throw
  }
}

export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const write = level === "info" ? console.log : level === "warn" ? console.warn : console.error;
  if (logFormat() === "json") {
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
    return;
  }
  const extra = Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  write(extra ? `${msg} ${extra}` : msg);
}
