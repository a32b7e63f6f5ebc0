import { ROLES, isRole, type Role } from "@/lib/auth/roles";

/** OIDC group name → SageDeck role. */
export type RoleMap = ReadonlyMap<string, Role>;

/**
 * Parses AUTH_ROLE_MAP, e.g. `ml-admins=admin,ml-approvers=approver,*=viewer`.
 * `*` is the role for any signed-in user whose groups match nothing; without it such users are refused.
 */
export function parseRoleMap(text: string): RoleMap {
  const map = new Map<string, Role>();
  for (const raw of text.split(/[,;\n]/)) {
    const entry = raw.trim();
    if (entry === "") continue;
    const eq = entry.lastIndexOf("=");
    const group = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || group === "") throw new Error(`"${entry}" is not group=role.`);
    if (!isRole(role)) throw new Error(`"${role}" in "${entry}" is not a role (${ROLES.join(", ")}).`);
    map.set(group, role);
  }
  return map;
}

const RANK: Record<Role, number> = { viewer: 0, scientist: 1, manager: 1, approver: 1, admin: 2 };

/** The strongest role any of the user's groups maps to; `*` as a fallback; null when nothing matches. */
export function roleForGroups(groups: readonly string[], map: RoleMap): Role | null {
  let best: Role | null = null;
  for (const g of groups) {
    const role = map.get(g);
    if (role && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best ?? map.get("*") ?? null;
}
