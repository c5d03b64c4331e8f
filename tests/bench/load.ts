import http from "node:http";

export type CallStats = { count: number; errors: number; latenciesMs: number[] };

/** p-th percentile (0..100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** A keep-alive HTTP client for load on loopback, timing every call. */
export class LoadClient {
  private readonly agent: http.Agent;
  readonly stats = new Map<string, CallStats>();

  constructor(
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  call(
    name: string,
    method: string,
    path: string,
    cookie: string,
    body?: unknown,
    retried = false,
  ): Promise<{ status: number; json: unknown }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { cookie, ...(payload ? { "content-type": "application/json" } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            const s = this.stats.get(name) ?? { count: 0, errors: 0, latenciesMs: [] };
            s.count++;
            s.latenciesMs.push(performance.now() - started);
            if ((res.statusCode ?? 500) >= 400) s.errors++;
            this.stats.set(name, s);
            const text = Buffer.concat(chunks).toString("utf8");
            // Thrown inside this event handler, a parse error would end the process unexplained.
            try {
              resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
            } catch {
              reject(
                new Error(
                  `${method} ${path} answered ${res.statusCode} with something not JSON: ${text.slice(0, 200)}`,
                ),
              );
            }
          });
          res.on("error", reject);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        // The server closes a keep-alive socket idle past its timeout (5 s); a request sent on it
        // at that moment is reset before the server read it. Node's documented remedy: send it
        // again on a fresh socket. Safe here, as every call is idempotent (client ids). A reset
        // on a fresh socket (seen once in ten minutes at 1,000 labelers) is retried once too.
        if (error.code === "ECONNRESET" && !retried) {
          this.call(name, method, path, cookie, body, true).then(resolve, reject);
        } else reject(error);
      });
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
