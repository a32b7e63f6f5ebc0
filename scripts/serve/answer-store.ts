/** One kept answer: what the production server sends again for a repeated read (scripts/serve/answer-cache.ts). */
export interface Answer {
  status: number;
  /** response headers as Next sent them, without the per-response ones (date, length, request id…) */
  headers: [string, string | string[]][];
  body: Buffer;
  route: string;
  /** who the answer was for (the request log's `user`) */
  user: string | null;
  /** the data generation (lib/data-generation.ts) it was made under */
  generation: number;
  storedAt: number;
}

export interface StoreLimits {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  now: () => number;
}

const OVERHEAD_BYTES = 512; // headers, key and bookkeeping per entry, roughly

const sizeOf = (a: Answer) => a.body.length + OVERHEAD_BYTES;

/**
 * The answers, least recently used first: bounded by count and by bytes. An answer is served only while it is
 * younger than the TTL and made under the current data generation; anything else is dropped when looked up.
 */
export class AnswerStore {
  private readonly answers = new Map<string, Answer>();
  private bytes = 0;

  constructor(private readonly limits: StoreLimits) {}

  get(key: string, generation: number): Answer | undefined {
    const a = this.answers.get(key);
    if (!a) return undefined;
    this.drop(key);
    if (a.generation !== generation || this.limits.now() - a.storedAt >= this.limits.ttlMs) return undefined;
    this.answers.set(key, a); // most recently used: last
    this.bytes += sizeOf(a);
    return a;
  }

  set(key: string, answer: Answer): void {
    this.drop(key);
    const size = sizeOf(answer);
    if (size > this.limits.maxBytes / 8) return; // one answer may not take over the cache
    this.answers.set(key, answer);
    this.bytes += size;
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.drop(oldest);
    }
  }

  get size(): number {
    return this.answers.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  private drop(key: string): void {
    const a = this.answers.get(key);
    if (!a) return;
    this.answers.delete(key);
    this.bytes -= sizeOf(a);
  }
}
