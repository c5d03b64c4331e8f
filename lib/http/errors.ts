/** An error meant for the caller: its status, a stable code, and a message that says what to do. */
export class HttpError extends Error {
  /** Response headers that belong to this answer (Retry-After on a 429). */
  headers?: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const unauthorized = () => new HttpError(401, "UNAUTHORIZED", "Sign in first.");
export const forbidden = () => new HttpError(403, "FORBIDDEN", "Your role does not allow this.");
export const notFound = (what: string) => new HttpError(404, "NOT_FOUND", `${what} was not found.`);
