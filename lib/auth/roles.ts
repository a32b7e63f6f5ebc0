export const ROLES = ["viewer", "scientist", "approver", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  scientist: "Data scientist",
  approver: "Approver",
  manager: "Manager",
  admin: "Admin",
};
