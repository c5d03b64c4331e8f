import pg from "pg";

// Prisma 6's WebAssembly schema engine cannot deserialize Postgres `name` (OID 19) and `"char"`
// (OID 18) columns that come back from its catalog queries through @prisma/adapter-pg
// (prisma/orm#27403). Reporting them as `text` (OID 25) fixes migrate; both are plain strings.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number };

function asText(result: unknown): unknown {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: Field[] } | undefined)?.fields;
    for (const f of fields ?? []) {
      if (f.dataTypeID === NAME_OID || f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; we only wrap results.
  override query(...args: any[]): any {
    const callback = typeof args.at(-1) === "function" ? args.pop() : undefined;
    const config = args[0];
    if (callback) {
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      return (super.query as any)(...args, (err: Error, res: unknown) => callback(err, err ? res : asText(res)));
    }
    if (config && typeof config.submit === "function") {
      // A Submittable (cursor, stream) manages its own rows.
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      return (super.query as any)(...args);
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return ((super.query as any)(...args) as Promise<unknown>).then(asText);
  }
}

/**
 * The URL is split into fields rather than passed as `connectionString`: Prisma migrate makes its
 * shadow database by copying this pool's options with another `database`, and a connection string
 * would override that and point the "shadow" at the real database.
 */
export function poolConfig(connectionString: string, max = 10): pg.PoolConfig {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    max,
    Client: CatalogSafeClient,
  };
}

export function createPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool(poolConfig(connectionString, max));
}
