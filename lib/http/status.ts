import type { ErrorCode } from "../errors";

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
  DEMONSTRATIONS_OFF: 400,
  SLUG_TAKEN: 409,
  EMAIL_TAKEN: 409,
  CLIENT_ID_TAKEN: 409,
  PAIR_FULL: 409,
  ALREADY_JUDGED: 409,
  NO_MODEL: 409,
  ENCODER_MISSING: 409,
} as const satisfies Record<ErrorCode, number>;

export function httpStatus(code: ErrorCode): number {
  return HTTP_STATUS[code];
}
