/**
 * Every way the domain refuses a request, closed so a caller (the HTTP edge, the browser client,
 * the simulator, a CLI) can branch on it and the compiler sees a code it does not handle.
 * HTTP statuses are the route edge's business: lib/http/status.ts maps each code to one.
 */
export type ErrorCode =
  // The request itself
  | "BAD_JSON"
  | "INVALID_INPUT"
  | "EMPTY_BODY"
  | "BAD_FORM"
  | "NO_FILE"
  | "UPLOAD_TOO_LARGE"
  | "INVALID_IMPORT"
  // Who asks
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "RATE_LIMITED"
  // Settings of the project
  | "DEMONSTRATIONS_OFF"
  | "PROJECT_ARCHIVED"
  // Conflicts with what is stored
  | "SLUG_TAKEN"
  | "EMAIL_TAKEN"
  | "CLIENT_ID_TAKEN"
  | "PAIR_FULL"
  | "ALREADY_JUDGED"
  // Members and accounts
  | "USER_DEACTIVATED"
  | "MEMBER_EXCLUDED"
  | "LABELER_PAUSED"
  | "OWN_ACCOUNT"
  // Reward model
  | "NO_MODEL"
  | "ENCODER_MISSING"
  | "MODEL_PRUNED";

/** A refusal meant for the caller: a stable code, a message that says what to do, and optional details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function isDomainError(error: unknown, ...codes: ErrorCode[]): error is DomainError {
  return error instanceof DomainError && (codes.length === 0 || codes.includes(error.code));
}

export const unauthorized = () => new DomainError("UNAUTHORIZED", "Sign in first.");
export const forbidden = () => new DomainError("FORBIDDEN", "Your role does not allow this.");
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
