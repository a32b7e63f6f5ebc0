import { AsyncLocalStorage } from "node:async_hooks";
import { getConfig, type AccountConfig, type AccountStage } from "@/lib/config";

interface Scope {
  account?: string;
  /** the signed-in person SageDeck acts for: their login goes into the assumed role's session name */
  actor?: string;
}

const globalForScope = globalThis as unknown as { sagedeckAccountScope?: AsyncLocalStorage<Scope> };
const storage = (globalForScope.sagedeckAccountScope ??= new AsyncLocalStorage<Scope>());

export function listAccounts(): AccountConfig[] {
  return getConfig().accounts;
}

export function homeAccount(): AccountConfig {
  const home = listAccounts().find((a) => a.home);
  if (!home) throw new Error("no home account configured");
  return home;
}

/** The configured account with this name, or undefined. */
export function findAccount(name: string): AccountConfig | undefined {
  return listAccounts().find((a) => a.name === name);
}

/** The account whose endpoints serve this stage (the home account when no account claims it). */
export function accountForStage(stage: AccountStage): AccountConfig {
  return listAccounts().find((a) => a.stages.includes(stage)) ?? homeAccount();
}

/** The account the SageMaker calls of this async context go to (the home account outside `inAccount`). */
export function currentAccount(): AccountConfig {
  const name = storage.getStore()?.account;
  return (name ? findAccount(name) : undefined) ?? homeAccount();
}

export function currentActor(): string | undefined {
  return storage.getStore()?.actor;
}

/** Runs `fn` with every SageMaker call inside it going to the named account. */
export function inAccount<T>(account: AccountConfig | string, fn: () => T): T {
  const name = typeof account === "string" ? account : account.name;
  if (!findAccount(name)) throw new Error(`unknown account "${name}"`);
  return storage.run({ ...storage.getStore(), account: name }, fn);
}

/** Runs `fn` on behalf of a person: calls in assumed roles carry them as the session name and source identity. */
export function asActor<T>(login: string, fn: () => T): T {
  return storage.run({ ...storage.getStore(), actor: login }, fn);
}

/** `sagedeck-<login>` in STS's session-name alphabet ([\w+=,.@-], 2–64 characters). */
export function sessionNameFor(login: string | undefined): string {
  const clean = (login ?? "dashboard").replace(/[^\w+=,.@-]/g, "-");
  return `sagedeck-${clean}`.slice(0, 64);
}

/** Runs `fn` outside any account or person scope (background jobs must not inherit the request that started them). */
export function outsideAccountScope<T>(fn: () => T): T {
  return storage.exit(fn);
}
