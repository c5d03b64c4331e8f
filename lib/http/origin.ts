import { env } from "../env";

/**
 * The origin users reach the app at, for links they copy elsewhere (invites): NEXTAUTH_URL when it
 * is set (behind a proxy it is the only reliable answer), else the host the request came to.
 */
export function publicOrigin(headers: Headers): string {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const protocol = headers.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}
