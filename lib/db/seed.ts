import type { Role } from "@/lib/auth/roles";
import type { Db } from "./client";
import { createUser, findUser } from "./users";

export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  password: string;
}

/** One account per role, for local mode only (the emulator's data is fictional too). */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "vera", name: "Vera Viewer", role: "viewer", password: "vera-demo-pass" },
  { username: "sam", name: "Sam Scientist", role: "scientist", password: "sam-demo-pass" },
  { username: "alex", name: "Alex Approver", role: "approver", password: "alex-demo-pass" },
  { username: "maya", name: "Maya Manager", role: "manager", password: "maya-demo-pass" },
  { username: "ada", name: "Ada Admin", role: "admin", password: "ada-demo-pass" },
];

/** Creates the demo accounts that do not exist yet; leaves changed ones (role, disabled) alone. */
export async function seedDemoUsers(db: Db): Promise<string[]> {
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await findUser(db, user.username)) continue;
    await createUser(db, user);
    created.push(user.username);
  }
  return created;
}
