/**
 * `npm run user -- <command>`: manage local accounts in any mode (PGlite or DATABASE_URL).
 *   add <username> --role <role> [--name "Full Name"] [--password <pw>]   (prints a generated password if none given)
 *   role <username> <role>
 *   disable <username> | enable <username>
 *   password <username> [--password <pw>]
 *   list
 * With the embedded database, stop `npm start` first: PGlite must not be opened by two processes.
 */
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ConfigError, loadConfig } from "@/lib/config";
import { generatePassword } from "@/lib/auth/password";
import { ROLES, isRole, type Role } from "@/lib/auth/roles";
import { openDb } from "@/lib/db/client";
import { migrateDb } from "@/lib/db/migrate";
import { listUsers } from "@/lib/db/users";
import { isAppError } from "@/lib/errors";
import { changeUser, type UserChange } from "@/lib/users/change";
import { createUserAsAdmin } from "@/lib/users/create";
import type { SessionUser } from "@/lib/auth/types";

const CLI_ACTOR: SessionUser = {
  id: "cli",
  username: "cli",
  name: "Command line",
  role: "admin",
  provider: "credentials",
};

const USAGE = `usage: npm run user -- add <username> --role <${ROLES.join("|")}> [--name "Full Name"] [--password <pw>]
       npm run user -- role <username> <role>
       npm run user -- disable <username> | enable <username>
       npm run user -- password <username> [--password <pw>]
       npm run user -- list`;

class UsageError extends Error {}

function role(value: string | undefined): Role {
  if (!isRole(value)) throw new UsageError(`"${value ?? ""}" is not a role; use one of ${ROLES.join(", ")}.`);
  return value;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
  });
  const [command, username, third] = positionals;
  if (!command || (command !== "list" && !username)) throw new UsageError(USAGE);

  const config = loadConfig();
  const target =
    config.database.kind === "pglite"
      ? { kind: "pglite" as const, dir: config.database.dir }
      : config.database;
  const handle = await openDb(target); // refuses (DatabaseBusyError) while `npm start` holds the PGlite directory
  try {
    await migrateDb(handle);
    const db = handle.db;
    // the same function as PATCH /api/users/:username: audited, and it ends sessions where it should
    const change = (c: UserChange) =>
      changeUser(db, { actor: { username: "cli", role: "admin" }, username: username ?? "", change: c });
    switch (command) {
      case "list":
        for (const u of await listUsers(db)) {
          console.log(
            `${u.username.padEnd(16)} ${u.role.padEnd(10)} ${u.disabled ? "disabled" : "active  "} ${u.name}`,
          );
        }
        return;
      case "add": {
        const password = values.password ?? generatePassword();
        const user = await createUserAsAdmin(
          { db, user: CLI_ACTOR },
          {
            username: username ?? "",
            name: values.name ?? username ?? "",
            password,
            role: role(values.role),
          },
        );
        console.log(
          `Created ${user.username} (${user.role}).${values.password ? "" : ` Password: ${password}`}`,
        );
        return;
      }
      case "role": {
        const user = await change({ role: role(third ?? values.role) });
        console.log(`${user.username} is now ${user.role}. It applies to their session at its next request.`);
        return;
      }
      case "disable":
      case "enable": {
        const user = await change({ disabled: command === "disable" });
        console.log(
          `${user.username} is ${user.disabled ? "disabled: they cannot sign in any more and their sessions have ended" : "enabled"}.`,
        );
        return;
      }
      case "password": {
        const password = values.password ?? generatePassword();
        await change({ password });
        console.log(
          `Password of ${username ?? ""} changed; their sessions have ended.${values.password ? "" : ` New password: ${password}`}`,
        );
        return;
      }
      default:
        throw new UsageError(USAGE);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ZodError) console.error(`user: ${err.issues.map((i) => i.message).join(" ")}`);
  else if (err instanceof UsageError || err instanceof ConfigError || isAppError(err))
    console.error(`user: ${err.message}`);
  else console.error(`user: ${(err as Error).message ?? String(err)}`);
  process.exit(1);
});
