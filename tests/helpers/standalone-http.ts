/** HTTP as a browser or a script does it against a running replica: sign-in and sign-out cookies, tokens, metrics. */

const cookiesOf = (res: Response): string[] => res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");

export interface SignIn {
  status: number;
  /** the session cookie (`next-auth.session-token=…`), null when refused */
  session: string | null;
}

/** next-auth's credentials sign-in on `base` (the dashboard's own form posts the same). */
export async function signIn(base: string, username: string, password: string): Promise<SignIn> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: csrfCookies.join("; "),
      origin: base,
    },
    body: new URLSearchParams({ username, password, csrfToken, callbackUrl: `${base}/`, json: "true" }),
  });
  await res.arrayBuffer();
  const session = cookiesOf(res).find((c) => /session-token=./.test(c)) ?? null;
  return { status: res.status, session };
}

/** next-auth's sign-out with the session cookie on `base`. */
export async function signOut(base: string, session: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: session } });
  const cookies = [session, ...cookiesOf(csrf)].join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies, origin: base },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${base}/`, json: "true" }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** A JSON request with a bearer token; the answer's status, headers and parsed body. */
export async function api<T = Record<string, unknown>>(
  base: string,
  path: string,
  init: {
    token?: string;
    cookie?: string;
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
  },
): Promise<{ status: number; headers: Headers; body: T }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    headers.origin = base;
  }
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** Sum of a Prometheus counter's samples whose labels include all of `labels`, from `/api/metrics`. */
export async function metricSum(
  base: string,
  metricsToken: string,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const text = await res.text();
  let sum = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.split(" ").pop());
  }
  return sum;
}
