/** Sees every answer the server sends (used by the conformance suite to check answers against the service model). */
export interface ResponseObserver {
  observe(operation: string, status: number, body: unknown): void;
  report(): unknown;
}
