import type { Role } from "../db";

/** Who may do what. Staff roles see every project; labelers only the ones they joined. */
export const STAFF: Role[] = ["LEAD", "ML", "ADMIN"];
export const LABELING: Role[] = ["LABELER", "LEAD", "ML", "ADMIN"];
export const LEADS: Role[] = ["LEAD", "ADMIN"];
export const ML_TEAM: Role[] = ["ML", "ADMIN"];
export const ADMINS: Role[] = ["ADMIN"];

export type SessionUser = { id: string; role: Role; email: string | null };

export function hasRole(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}
