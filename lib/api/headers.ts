/** Headers on every API answer: they carry user data, so nothing may cache them or sniff their type. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export function withApiHeaders(response: Response, requestId: string): Response {
  let res = response;
  try {
    res.headers.set("x-request-id", requestId);
  } catch {
    // immutable headers (a fetched Response passed through): copy it
    res = new Response(response.body, response);
    res.headers.set("x-request-id", requestId);
  }
  for (const [name, value] of Object.entries(API_HEADERS)) res.headers.set(name, value);
  return res;
}
