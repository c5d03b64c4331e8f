/** The answer of a staff action: the JSON it returned, or the message to show. */
export type SendResult<T> = { ok: true; data: T } | { ok: false; message: string };

type ErrorBody = { error?: { message?: string; details?: unknown } };

/**
 * Calls an API route from a staff page. A validation refusal is told by its field messages
 * (they name the field as the form shows it), anything else by the API's message.
 */
export async function sendJson<T>(url: string, method: string, body?: unknown): Promise<SendResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again." };
  }
  const answer = (await response.json().catch(() => ({}))) as T & ErrorBody;
  if (response.ok) return { ok: true, data: answer };
  const fieldMessages = Array.isArray(answer.error?.details)
    ? answer.error.details.map((d: { message?: unknown }) => d?.message).filter((m) => typeof m === "string")
    : [];
  return {
    ok: false,
    message:
      fieldMessages.length > 0
        ? `${fieldMessages.join(". ")}.`
        : (answer.error?.message ?? `The server answered HTTP ${response.status}; try again.`),
  };
}
