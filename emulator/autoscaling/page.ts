/** Paging with Application Auto Scaling's own error for a bad token. */
import { AwsError } from "../core/errors";
import { paginate, type Page } from "../core/paginate";

export function pager<T>(all: T[], token: unknown, max: number, query: unknown): { page: Page<T> } {
  try {
    return { page: paginate(all, typeof token === "string" ? token : undefined, max, query) };
  } catch {
    throw new AwsError("InvalidNextTokenException", "Invalid token");
  }
}
