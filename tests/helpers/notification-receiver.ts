/**
 * A real webhook receiver for the notification tests: a node:http server that verifies X-SageDeck-Signature the
 * way lib/notifications/README.md tells receivers to, records every request, and answers from a script
 * (`answers`: one status per request, then 200; "hang" never answers).
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { verifySignature } from "@/lib/notifications/sign";

export interface Received {
  delivery: string;
  event: string;
  body: Record<string, unknown>;
  signatureValid: boolean;
  status: number | "hang";
}

export interface Receiver {
  url: string;
  /** the channel's signing secret (null: signatures are not checked) */
  secret: string | null;
  received: Received[];
  /** delivery ids answered 2xx, counted once each: what a deduplicating receiver acts on */
  accepted: Map<string, number>;
  answers: (number | "hang")[];
  /** called when a request arrives (before it is answered) */
  onRequest?: (r: Received) => void;
  close(): Promise<void>;
}

export async function startReceiver(
  secret: string | null,
  answers: (number | "hang")[] = [],
): Promise<Receiver> {
  const sockets = new Set<Socket>();
  const receiver: Receiver = {
    url: "",
    secret,
    received: [],
    accepted: new Map(),
    answers,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const header = (name: string) => String(req.headers[name] ?? "");
      const status = receiver.answers.shift() ?? 200;
      const r: Received = {
        delivery: header("x-sagedeck-delivery"),
        event: header("x-sagedeck-event"),
        body: JSON.parse(raw) as Record<string, unknown>,
        signatureValid:
          receiver.secret !== null &&
          verifySignature({
            secret: receiver.secret,
            timestamp: header("x-sagedeck-timestamp"),
            body: raw,
            signature: header("x-sagedeck-signature"),
          }),
        status,
      };
      receiver.received.push(r);
      receiver.onRequest?.(r);
      if (status === "hang") return;
      if (status >= 200 && status < 300 && (receiver.secret === null || r.signatureValid)) {
        receiver.accepted.set(r.delivery, (receiver.accepted.get(r.delivery) ?? 0) + 1);
      }
      res.writeHead(receiver.secret !== null && !r.signatureValid ? 401 : status, {
        "content-type": "text/plain",
      });
      res.end(status >= 400 ? "receiver says no" : "ok");
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

/** A URL nothing listens on (a port that was free a moment ago): a receiver that is down. */
export async function downUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}
