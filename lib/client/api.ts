import type { Task } from "@/lib/assign/task";

/** A failed API call: status 0 means the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Waiting will not help (signed out, no access, unknown project): tell the labeler instead. */
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

type ErrorBody = { error: { code?: string; message?: string } };
