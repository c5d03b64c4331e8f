import type { DomainError, ErrorCode } from "../errors";

/** The one place a domain refusal becomes an HTTP status. */
export const HTTP_STATUS = {
  BAD_JSON: 400,
  INVALID_INPUT: 400,
  EMPTY_BODY: 400,
  BAD_FORM: 400,
  NO_FILE: 400,
  UPLOAD_TOO_LARGE: 413,
  INVALID_IMPORT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  DEMONSTRATIONS_OFF: 400,
  PROJECT_ARCHIVED: 409,
  SLUG_TAKEN: 409,
  EMAIL_TAKEN: 409,
  CLIENT_ID_TAKEN: 409,
  PAIR_FULL: 409,
  ALREADY_JUDGED: 409,
  USER_DEACTIVATED: 409,
  MEMBER_EXCLUDED: 409,
  LABELER_PAUSED: 409,
  OWN_ACCOUNT: 409,
  NO_MODEL: 409,
  ENCODER_MISSING: 409,
  MODEL_PRUNED: 410,
} as const satisfies Record<ErrorCode, number>;

export function httpStatus(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

/** Headers that belong to a refusal: how long to wait before trying again after a rate limit. */
export function httpHeaders(error: DomainError): Record<string, string> | undefined {
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  if (error.code === "RATE_LIMITED" && typeof details?.retryAfterSeconds === "number") {
    return { "Retry-After": String(details.retryAfterSeconds) };
  }
  return undefined;
}
