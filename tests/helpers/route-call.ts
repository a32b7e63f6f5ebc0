/** Calls an app/api handler the way Next does: a Request and a promise of the dynamic segments. */
export type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

export function callRoute(
  handler: Handler,
  req: Request,
  params: Record<string, string | string[] | undefined> = {},
): Promise<Response> {
  return handler(req, { params: Promise.resolve(params) });
}

export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.clone().json()) as { error: { code: string; message: string } }).error;
}
