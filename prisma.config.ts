import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { createPool } from "./lib/db/pool";

// Prisma 6.19 with the JS engine: migrate runs through the WebAssembly schema engine and this
// adapter, so nothing is downloaded (the native engines cannot be fetched on our machines).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Postgres first (npm start does it for you).");
    return new PrismaPg(createPool(url, 2));
  },
});
