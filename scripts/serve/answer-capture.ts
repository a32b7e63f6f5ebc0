import type http from "node:http";

type Fn = (...args: unknown[]) => unknown;

export interface Captured {
  /** the body as sent, or null when it went past the limit */
  body(): Buffer | null;
}

function bytesOf(chunk: unknown, encoding: unknown): Buffer | null {
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

/** Headers given to writeHead (an object, a flat raw array or pairs) as [name, value] pairs. */
function headerPairs(headers: unknown): [string, string | number | string[]][] {
  if (!headers || typeof headers !== "object") return [];
  if (!Array.isArray(headers)) return Object.entries(headers as Record<string, string | number | string[]>);
  const out: [string, string][] = [];
  if (headers.every((h) => Array.isArray(h))) {
    for (const pair of headers as unknown[][]) out.push([String(pair[0]), String(pair[1])]);
  } else {
    for (let i = 0; i + 1 < headers.length; i += 2) out.push([String(headers[i]), String(headers[i + 1])]);
  }
  return out;
}

/**
 * Records what Next sends on `res`: the bytes given to write/end (up to `limit`), and the headers given to
 * writeHead are moved into the response's header list first, so that `res.getHeaders()` holds every header sent
 * (a Set-Cookie passed to writeHead included). Sending is unchanged.
 */
export function captureAnswer(res: http.ServerResponse, limit: number): Captured {
  let chunks: Buffer[] | null = [];
  let size = 0;
  const take = (chunk: unknown, encoding: unknown) => {
    if (!chunks || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const b = bytesOf(chunk, encoding);
    size += b?.length ?? 0;
    if (!b || size > limit) chunks = null;
    else chunks.push(Buffer.from(b)); // a copy: the sender may reuse its buffer
  };
  const target = res as unknown as Record<"write" | "end" | "writeHead", Fn>;
  const { write, end, writeHead } = target;
  target.write = (...args: unknown[]) => {
    take(args[0], args[1]);
    return write.apply(res, args);
  };
  target.end = (...args: unknown[]) => {
    take(args[0], args[1]);
    return end.apply(res, args);
  };
  target.writeHead = (...args: unknown[]) => {
    const [status, second, third] = args;
    const headers = typeof second === "string" ? third : second;
    if (!res.headersSent) {
      for (const [name, value] of headerPairs(headers)) {
        if (name.toLowerCase() === "set-cookie")
          res.appendHeader(name, typeof value === "number" ? String(value) : value);
        else res.setHeader(name, value);
      }
    }
    return typeof second === "string" ? writeHead.call(res, status, second) : writeHead.call(res, status);
  };
  return { body: () => (chunks ? Buffer.concat(chunks) : null) };
}
