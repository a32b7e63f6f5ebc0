/**
 * The answer cache inside the built production server (serve.js, scripts/serve/answer-cache.ts): a service
 * token's repeated read of the inbox is answered from the cache with its own request id and its own log line;
 * another token, a POST and another replica's cache invalidation (PostgreSQL NOTIFY) each make the next read a
 * miss; an unauthenticated request is never answered from it. Needs `npm run build` first (skipped locally without).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVALIDATION_CHANNEL } from "@/lib/sagemaker/invalidation";
import { waitFor } from "@/tests/helpers/wait";
import {
  jsonLines,
  serviceToken,
  standaloneRunnable,
  startCluster,
  type Cluster,
} from "@/tests/helpers/standalone";

const run = await standaloneRunnable("the answer cache test");

describe.runIf(run)("answer cache in serve.js", () => {
  let cluster: Cluster;
  let base = "";
  let alex = "";
  let sam = "";

  const inbox = async (token: string | null, path = "/api/approvals") => {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    await res.arrayBuffer();
    return {
      status: res.status,
      cache: res.headers.get("x-sagedeck-cache"),
      id: res.headers.get("x-request-id"),
    };
  };

  /** Until a read is kept and the next one answered from it (background work may move the data generation). */
  const settled = () =>
    waitFor(async () => (await inbox(alex)).cache === "hit" || undefined, {
      what: "a repeated inbox read answered from the answer cache",
      timeoutMs: 30_000,
    });

  beforeAll(async () => {
    cluster = await startCluster(1, () => ({ ANSWER_CACHE_TTL_MS: "10000" }));
    base = cluster.replicas[0]?.url ?? "";
    alex = await serviceToken(cluster.db.url, "answer-cache-alex", ["read"]);
    sam = await serviceToken(cluster.db.url, "answer-cache-sam", ["read"]);
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it("answers a repeated read from the cache, with its own request id and log line; another token misses", async () => {
    // the first reads fill the SageMaker read cache (a new value moves the generation: not kept)
    await settled();
    const [a, b] = [await inbox(alex), await inbox(alex)];
    expect([a.status, a.cache, b.status, b.cache]).toEqual([200, "hit", 200, "hit"]);
    expect(a.id).not.toBe(b.id);
    const replica = cluster.replicas[0];
    if (!replica) throw new Error("no replica");
    await waitFor(() => jsonLines(replica).some((l) => l.requestId === b.id) || undefined, {
      what: "the hit's log line",
    });
    const lines = jsonLines(replica).filter((l) => l.route === "/api/approvals" && l.status === 200);
    const hitLine = lines.find((l) => l.requestId === b.id);
    expect(hitLine).toMatchObject({ route: "/api/approvals", method: "GET", status: 200 });
    // the same user as the answer the route wrapper made (learnt when the answer was kept)
    expect(typeof hitLine?.user).toBe("string");
    expect(new Set(lines.map((l) => l.user))).toEqual(new Set([hitLine?.user]));
    expect((await inbox(sam)).cache).toBe("miss");
  });

  it("a POST, or another replica's invalidation, makes the next read a miss; no credential, no cache", async () => {
    await settled();
    const post = await fetch(`${base}/api/approvals/decisions`, {
      method: "POST",
      headers: { authorization: `Bearer ${alex}`, "content-type": "application/json" },
      body: "{}",
    });
    await post.arrayBuffer();
    expect(post.status).toBeGreaterThanOrEqual(400); // refused, but a change was attempted: nothing kept survives
    expect((await inbox(alex)).cache).toBe("miss");
    await settled();
    const sql = new pg.Client({ connectionString: cluster.db.url });
    await sql.connect();
    try {
      const message = JSON.stringify({ from: "another-replica", prefixes: ["models:"] });
      await sql.query("select pg_notify($1, $2)", [INVALIDATION_CHANNEL, message]);
    } finally {
      await sql.end();
    }
    await waitFor(async () => ((await inbox(alex)).cache === "miss" ? true : undefined), {
      what: "the invalidation to reach the answer cache",
      timeoutMs: 5_000,
    });
    for (let i = 0; i < 2; i++) expect(await inbox(null)).toMatchObject({ status: 401, cache: null });
  });
});
