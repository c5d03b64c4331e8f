import { createHash, randomBytes } from "node:crypto";

/** Every token starts with this, so secret scanners (and people) recognize a leaked one. */
export const TOKEN_PREFIX = "vck_";

/** A new token: the prefix and 256 random bits. Shown to its owner once, never stored. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * What is stored instead of the token. 256 random bits cannot be guessed or brute-forced, so a
 * fast unsalted SHA-256 is enough (a password hash would only slow every API call down), and it
 * lets a call find its token with one indexed lookup.
 */
export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** The start of a token, kept to tell tokens apart in the list. */
export const visiblePrefix = (secret: string) => secret.slice(0, TOKEN_PREFIX.length + 4);
