import { AsyncLocalStorage } from "node:async_hooks";

/** The home account: state written before accounts existed, and every access key not mapped elsewhere. */
export const ACCOUNT_ID = process.env.EMULATOR_ACCOUNT_ID ?? "123456789012";
export const REGION = process.env.EMULATOR_REGION ?? "us-east-1";

const accountScope = new AsyncLocalStorage<string>();

/** The account the current request (or tick) acts in: the home account outside any. */
export function currentAccount(): string {
  return accountScope.getStore() ?? ACCOUNT_ID;
}

/** Runs `fn` acting in `account` (ARNs built inside carry it). */
export function inAccount<T>(account: string, fn: () => T): T {
  return accountScope.run(account, fn);
}

/** The 12-digit account of an ARN (`arn:aws:sagemaker:us-east-1:222222222222:…` → `222222222222`). */
export function accountOfArn(value: string): string | undefined {
  if (!value.startsWith("arn:")) return undefined;
  const parts = value.split(":");
  return /^\d{12}$/.test(parts[4] ?? "") ? parts[4] : undefined;
}

/**
 * `arn:aws:sagemaker:<region>:<account>:<type>/<name-lower>` — SageMaker lower-cases names inside ARNs.
 * Extra path segments (e.g. a model package version, an execution id) are appended as given.
 */
export function arn(type: string, name: string, ...rest: (string | number)[]): string {
  const tail = rest.length ? `/${rest.join("/")}` : "";
  return `arn:aws:sagemaker:${REGION}:${currentAccount()}:${type}/${name.toLowerCase()}${tail}`;
}

export const ARN_PATTERN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:.+$/;

/** Resource name from a name-or-ARN argument (`arn:…:pipeline/my-pipe` → `my-pipe`, lower-cased as in the ARN). */
export function nameFromArn(value: string, type: string): string | undefined {
  if (!value.startsWith("arn:")) return undefined;
  const marker = `:${type}/`;
  const i = value.indexOf(marker);
  if (i < 0) return undefined;
  return value.slice(i + marker.length).split("/")[0];
}

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** 12 lowercase alphanumerics, like a pipeline execution id (`p4jn9xou8a8s`). */
export function shortId(random: () => number = Math.random, length = 12): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALNUM[Math.floor(random() * ALNUM.length)];
  return s;
}
