/**
 * Operators' logs, written by pino (server-only: imported by server code alone, kept external to the server
 * bundles by next.config.ts). LOG_FORMAT=json: one JSON object per line on stdout (`time`, `level`, `msg` and
 * fields), what log pipelines (CloudWatch, Loki, Datadog) parse; text (default, local): one readable line
 * (`formatText`), warnings and errors on stderr. Never secrets or tokens in `msg`; an error passed as `err` is
 * serialized with its stack into the log line (`err.stack`), never into an answer (lib/api/errors.ts).
 */
import pino, { type Logger } from "pino";
import { getConfig } from "@/lib/config";

export type LogLevel = "info" | "warn" | "error";

export function logFormat(): "text" | "json" {
  try {
    return getConfig().ops.logFormat;
  } catch {
    return "text"; // a bad configuration is reported elsewhere; logging must not throw
  }
}

interface Line {
  time?: string;
  level?: string;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [field: string]: unknown;
}

/** A JSON log line as one readable line: `msg key=value …`, then the error's stack indented below. */
export function formatText(line: Line): string {
  const { time: _time, level: _level, msg, err, ...fields } = line;
  const extra = Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  const head = [msg ?? "", extra, err?.message && !err.stack ? `err=${err.message}` : ""]
    .filter(Boolean)
    .join(" ");
  const stack = err?.stack ? `\n    ${err.stack.split("\n").join("\n    ")}` : "";
  return `${head}${stack}\n`;
}

/** Where pino's lines go: as they are (json) or formatted (text); synchronous, so nothing is lost at exit. */
function destination(format: "text" | "json"): { write(chunk: string): void } {
  return {
    write(chunk: string) {
      if (format === "json") {
        process.stdout.write(chunk);
        return;
      }
      const line = JSON.parse(chunk) as Line;
      const out = line.level === "info" || line.level === "debug" ? process.stdout : process.stderr;
      out.write(formatText(line));
    },
  };
}

const g = globalThis as unknown as { sagedeckLogger?: { format: "text" | "json"; logger: Logger } };

/** The process's pino logger for the configured format (made again if LOG_FORMAT changes, as in tests). */
export function logger(): Logger {
  const format = logFormat();
  if (g.sagedeckLogger?.format !== format) {
    const instance = pino(
      {
        base: undefined, // no pid/hostname: the platform labels those
        level: "info",
        messageKey: "msg",
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        serializers: { err: pino.stdSerializers.err },
      },
      destination(format),
    );
    g.sagedeckLogger = { format, logger: instance };
  }
  return g.sagedeckLogger.logger;
}

/** One log line. An `err` field that is an Error is written with its type, message and stack. */
export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  try {
    logger()[level](fields, msg);
  } catch {
    // logging must never break a request
  }
}
