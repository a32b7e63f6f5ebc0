/**
 * GetLogEvents' `nextForwardToken`/`nextBackwardToken`: `f/<56 digits>/s` and `b/<56 digits>/s` as the service
 * writes them — a position in the stream (the index of the next event forward, or of the first event already
 * seen backward), bound to the stream by a hash so a token of another stream is refused.
 */
import { hash32 } from "../core/clock";
import { invalid } from "./errors";

export interface StreamToken {
  direction: "f" | "b";
  position: number;
}

const digits = (stream: string) => String(hash32(stream)).padStart(10, "0");

export function encodeStreamToken(stream: string, direction: "f" | "b", position: number): string {
  return `${direction}/${digits(stream)}${String(position).padStart(46, "0")}/s`;
}

export function decodeStreamToken(stream: string, token: string): StreamToken {
  const m = /^([fb])\/(\d{10})(\d{46})\/s$/.exec(token);
  if (!m || m[2] !== digits(stream)) throw invalid("The specified nextToken is invalid.");
  return { direction: m[1] as "f" | "b", position: Number(m[3]) };
}
