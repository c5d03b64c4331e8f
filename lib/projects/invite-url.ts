/** The full invite link, as it is sent to labelers. Pure, so the browser can build it too. */
export function inviteUrl(origin: string, code: string): string {
  return `${origin}/join/${encodeURIComponent(code)}`;
}
