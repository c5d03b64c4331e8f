import { errorResponse } from "../http/route";
import { clientAddress, limit, refund } from "./rate-limit";

/**
 * Wraps next-auth's handler: an email/password sign-in counts against the account and the address,
 * and one that succeeds is given back, so the limits count failures. Past a limit the answer is
 * 429 with Retry-After, before the password is even checked.
 */
export async function limitSignIn(req: Request, handle: () => Promise<Response>): Promise<Response> {
  if (req.method !== "POST" || !new URL(req.url).pathname.endsWith("/callback/credentials")) return handle();
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  const address = clientAddress(req.headers);
  const keys = [["signInAddress", address] as const, ...(email ? [["signInAccount", email] as const] : [])];
  try {
    for (const [kind, key] of keys) await limit(kind, key);
  } catch (error) {
    return errorResponse(error);
  }
  const response = await handle();
  const signedIn = response.headers.getSetCookie().some((c) => /next-auth\.session-token=[^;]/.test(c));
  if (signedIn) await Promise.all(keys.map(([kind, key]) => refund(kind, key)));
  return response;
}
