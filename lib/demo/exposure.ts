/** Whether a listen address only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare) || bare === "::ffff:127.0.0.1";
}

/**
 * Why the server must not listen on `host`, or null: the demo accounts' password is printed in the
 * README, so they may only be reachable from this machine while they still have it.
 */
export function exposureProblem(host: string, onDemoPassword: string[]): string | null {
  if (isLoopback(host) || onDemoPassword.length === 0) return null;
  return `HOST=${host} would let other machines sign in as ${onDemoPassword.join(", ")} with the demo password printed in the README; run npm start -- --lock-demo once to turn off those accounts' password sign-in, or leave HOST unset to serve on 127.0.0.1 only.`;
}
