import { useState } from "react";

const hasStatus = (e: unknown) =>
  typeof e === "object" && e !== null && typeof (e as { status?: unknown }).status === "number";

/**
 * The client half of idempotency: one user action, one Idempotency-Key. A double click or a retry after a
 * lost answer reuses the key (so the server runs it once); once the server has answered — success or refusal —
 * the action is over and the next submission gets a new key.
 */
export class ActionKey {
  private key: string | null = null;
  constructor(private readonly make: () => string = () => `ui-${crypto.randomUUID()}`) {}

  /** The key of the action under way, made on first use. */
  get(): string {
    return (this.key ??= this.make());
  }

  /** Call when the request settles: an answer ends the action; a network error (no status) keeps the key. */
  settle(error?: unknown): void {
    if (error == null || hasStatus(error)) this.key = null;
  }
}

/** One ActionKey per component instance (one per kind of action it submits). */
export function useActionKey(): ActionKey {
  const [key] = useState(() => new ActionKey());
  return key;
}
