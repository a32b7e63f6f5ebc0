import { asc, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Db } from "./client";
import { users, type UserRow } from "./schema";

export const Username = z
  .string()
  .regex(
    /^[a-z][a-z0-9._-]{1,39}$/,
    "Use 2-40 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.",
  );
export const Password = z.string().min(8, "Use a password of at least 8 characters.").max(200);

export const NewUserInput = z.object({
  username: Username,
  name: z.string().trim().min(1).max(100),
  password: Password,
  role: z.enum(ROLES),
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export interface PublicUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  disabled: boolean;
}

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled,
  };
}

export async function findUser(db: Db, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0];
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  return rows.map(toPublicUser);
}

export async function createUser(db: Db, input: NewUserInput): Promise<PublicUser> {
  const data = NewUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  const rows = await db
    .insert(users)
    .values({ username: data.username, name: data.name, role: data.role, passwordHash })
    .onConflictDoNothing({ target: users.username })
    .returning();
  const row = rows[0];
  if (!row) throw new ConflictError(`A user named "${data.username}" already exists; pick another username.`);
  return toPublicUser(row);
}

async function update(
  db: Db,
  username: string,
  values: PgUpdateSetSource<typeof users>,
): Promise<PublicUser> {
  const rows = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.username, username))
    .returning();
  const row = rows[0];
  if (!row) throw new NotFoundError(`No user named "${username}". List users with \`npm run user -- list\`.`);
  return toPublicUser(row);
}

/** A role change applies to live sessions at their next request (the session check reads the role). */
export function setUserRole(db: Db, username: string, role: Role): Promise<PublicUser> {
  return update(db, username, { role });
}

/** Disabling (or re-enabling) ends every session of the user: their session version moves on. */
export function setUserDisabled(db: Db, username: string, disabled: boolean): Promise<PublicUser> {
  return update(db, username, { disabled, sessionVersion: sql`${users.sessionVersion} + 1` });
}

/** A new password ends every session of the user: their session version moves on. */
export async function setUserPassword(db: Db, username: string, password: string): Promise<PublicUser> {
  return update(db, username, {
    passwordHash: await hashPassword(Password.parse(password)),
    sessionVersion: sql`${users.sessionVersion} + 1`,
  });
}

/**
 * The account when username and password match an enabled account; null otherwise (no hint which part
 * failed). Callers pass a username that already passed `signInUsername` (no control characters, bounded).
 */
export async function authenticate(db: Db, username: string, password: string): Promise<UserRow | null> {
  const row = await findUser(db, username);
  if (!row) {
    await hashPassword(password); // same work either way, so timing does not reveal which usernames exist
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash)) || row.disabled) return null;
  return row;
}
