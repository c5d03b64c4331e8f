import type { Task } from "@/lib/assign/task";
import type { ErrorCode } from "@/lib/errors";

/**
 * What the browser can learn about a failed call: the API's own refusal code, INTERNAL for a
 * server fault, NETWORK when the server was not reached, HTTP_<status> when something between
 * (a proxy, a missing route) answered without the API's error body.
 */
export type ClientErrorCode = ErrorCode | "INTERNAL" | "NETWORK" | `HTTP_${number}`;

/** A failed API call: status 0 means the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
  }

  /**
   * Waiting will not help (signed out, no access, unknown project): tell the labeler instead.
   * Read from the status, as the transport's retry rules are (timeouts and rate limits pass).
   */
  get definitive(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export async function fetchNextTask(projectSlug: string, exclude: readonly string[]): Promise<Task> {
  const query = exclude.length > 0 ? `?exclude=${encodeURIComponent(exclude.join(","))}` : "";
  let response: Response;
  try {
    response = await fetch(`/api/projects/${encodeURIComponent(projectSlug)}/next${query}`, {
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached.");
  }
  const body = (await response.json().catch(() => null)) as (Task & { error?: undefined }) | ErrorBody | null;
  if (response.ok && body && !body.error) return body;
  throw new ApiError(
    response.status,
    body?.error?.code ?? `HTTP_${response.status}`,
    body?.error?.message ?? `The server answered HTTP ${response.status}.`,
  );
}

type ErrorBody = { error: { code?: ClientErrorCode; message?: string } };
