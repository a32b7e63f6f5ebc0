/** A failed query as DataTable's `error`: the server's message (after `prefix`, when given) and a retry. */
export function queryError(
  q: { error: Error | null; refetch: () => unknown },
  prefix?: string,
): { message: string; retry: () => void } | null {
  if (!q.error) return null;
  const message = prefix ? `${prefix}: ${q.error.message}` : q.error.message;
  return { message, retry: () => void q.refetch() };
}
