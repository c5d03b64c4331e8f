/**
 * The pages' Content-Security-Policy (the headers every response gets are in next.config.js). Pages get a per-request nonce (proxy.ts): Next puts it on its
 * own scripts, and no other inline script runs. Styles allow inline ones: React renders style
 * attributes, which a nonce cannot cover, and a style cannot run code.
 */
export function pagePolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
