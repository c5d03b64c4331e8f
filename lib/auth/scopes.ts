import type { Role } from "../db";

/**
 * What an API token may be allowed to do. A route names the one scope that lets a token call it
 * (apiRoute / projectRoute `scope`); a route that names none answers 403 to every token.
 */
export const SCOPES = ["export:read", "import:write", "models:read", "score"] as const;
export type Scope = (typeof SCOPES)[number];

/** For the token form and the API reference: what each scope opens, in a user's words. */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "export:read": "Download a project's exports (preference pairs, votes).",
  "import:write": "Import prompts and candidates into a project (admins only).",
  "models:read": "List reward-model versions and download their ONNX files and cards.",
  score: "Score candidates with a project's reward model.",
};

/**
 * The roles whose owner may hold a token with each scope: the same roles the routes of that scope
 * allow, so a token never has more than its owner's role. The route's own role check runs on every
 * call too, so a demoted owner's tokens lose what the new role does not allow.
 */
export const SCOPE_ROLES: Record<Scope, readonly Role[]> = {
  "export:read": ["ML", "ADMIN"],
  "import:write": ["ADMIN"],
  "models:read": ["ML", "ADMIN"],
  score: ["ML", "ADMIN"],
};

export function scopesFor(role: Role): Scope[] {
  return SCOPES.filter((scope) => SCOPE_ROLES[scope].includes(role));
}
