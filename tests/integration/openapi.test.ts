import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_MODULES } from "../../app/api/route-modules";
import { SCOPES } from "../../lib/auth/scopes";
import { HTTP_METHODS, openApiPath } from "../../lib/http/openapi";
import { findRouteFiles } from "../../lib/http/route-files";

// The API reference lists every route: each method a route file exports, found on disk, must be
// an operation of GET /api/openapi.json, described and with its token scope.

const API = path.resolve(import.meta.dirname, "../../app/api");

type Operation = {
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
  "x-token-scope"?: string;
  "x-roles"?: unknown;
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, unknown> };
};

async function served(): Promise<Document> {
  const { GET } = await import("../../app/api/openapi.json/route");
  const response = await GET();
  expect(response.status).toBe(200);
  return response.json();
}

/** Every (method, path) the route files on disk export, read from their source like the authorization test. */
function exportedOnDisk(): string[] {
  const found: string[] = [];
  for (const { file, route } of findRouteFiles(API)) {
    const source = readFileSync(file, "utf8");
    for (const method of HTTP_METHODS) {
      if (new RegExp(`export (const|async function|function) ${method}\\b|as ${method}\\b`).test(source)) {
        found.push(`${method} ${openApiPath(route)}`);
      }
    }
  }
  return found.sort();
}

const operations = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })),
  );

describe("the OpenAPI document", () => {
  it("is built from every route file (else: npm run api:routes)", () => {
    expect(ROUTE_MODULES.map((r) => r.route).sort()).toEqual(
      findRouteFiles(API)
        .map((r) => r.route)
        .sort(),
    );
  });

  it("has every exported method of every route file as an operation, with a summary", async () => {
    const doc = await served();
    const onDisk = exportedOnDisk();
    expect(onDisk.length).toBeGreaterThan(30);
    expect(onDisk).toContain("GET /api/projects/{slug}/models/{version}/onnx");
    expect(
      operations(doc)
        .map((o) => o.key)
        .sort(),
    ).toEqual(onDisk);
    for (const { key, op } of operations(doc))
      expect({ key, summary: op.summary?.length ?? 0 }).not.toEqual({ key, summary: 0 });
  });

  it("is OpenAPI 3.1 in shape: info, paths, path parameters declared, security schemes, resolvable refs", async () => {
    const doc = await served();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    for (const { key, op } of operations(doc)) {
      const path = key.split(" ")[1] as string;
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? [])
        .filter((p) => p.in === "path")
        .map((p) => p.name)
        .sort();
      expect({ key, declared }).toEqual({ key, declared: inPath });
      expect(Object.keys(op.responses ?? {})).toContain("200");
      for (const requirement of op.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes).toHaveProperty(scheme);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref as string);
  });

  it("says which token scope calls each route, as the route declares it", async () => {
    const doc = await served();
    const scoped = operations(doc).filter(({ op }) => op["x-token-scope"]);
    expect(scoped.map(({ key, op }) => `${key} ${op["x-token-scope"]}`).sort()).toEqual(
      expect.arrayContaining([
        "GET /api/projects/{slug}/export export:read",
        "POST /api/projects/{slug}/import import:write",
        "GET /api/projects/{slug}/models/{version}/onnx models:read",
        "POST /api/rm/score score",
      ]),
    );
    for (const { key, op } of operations(doc)) {
      const scope = op["x-token-scope"];
      const tokenRequirement = op.security?.find((r) => "apiToken" in r);
      expect({ key, token: tokenRequirement?.apiToken ?? null }).toEqual({ key, token: scope ? [scope] : null });
      if (scope) expect(SCOPES).toContain(scope);
    }
  });

  it("documents the request body with the schema the route validates with", async () => {
    const doc = await served();
    const score = doc.paths["/api/rm/score"]?.post as Operation & {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }> };
    };
    const schema = score.requestBody.content["application/json"]?.schema;
    expect(schema?.required).toEqual(expect.arrayContaining(["project", "candidates"]));
    // "current" or a version number, as the route accepts.
    expect(JSON.stringify(schema?.properties.version)).toContain('"current"');
  });
});
