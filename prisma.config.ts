import { randomUUID } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { poolConfig } from "./lib/db/pool";

/**
 * The adapter is given pool options, not a pool: migrate connects several times and ends each
 * connection's pool, and adapter-pg would rebuild an ended pool from `pool.options`, which lacks
 * the password (pg-pool hides it). For the same reason the shadow database gets its own options.
 */
class MigratePg extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url, 2));
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    const shadow = await new PrismaPg(poolConfig(url.toString(), 2)).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE "${name}"`);
      await main.dispose();
    };
    return shadow;
  }
}

// Prisma 6.19 with the JS engine: migrate runs through the WebAssembly schema engine and this
// adapter, so nothing is downloaded (the native engines cannot be fetched on our machines).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Postgres first (npm start does it for you).");
    return new MigratePg(url);
  },
});
