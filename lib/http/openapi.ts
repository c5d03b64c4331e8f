import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { SCOPE_DESCRIPTIONS, SCOPES } from "../auth/scopes";
import { TOKEN_PREFIX } from "../auth/tokens/secret";
import type { Declared } from "./route";
import { HTTP_STATUS } from "./status";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** A route file as the manifest (app/api/route-modules.ts) lists it: its folder's URL and its exports. */
export type RouteModule = { route: string; module: Record<string, unknown> };

/** /api/projects/[slug]/models/[version] → /api/projects/{slug}/models/{version} (catch-alls too). */
export function openApiPath(route: string): string {
  return route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
}

/** The exported handlers of a route module and what each declared (undefined: undocumented). */
export function exportedMethods(module: Record<string, unknown>) {
  return HTTP_METHODS.filter((m) => typeof module[m] === "function").map((method) => ({
    method,
    declared: (module[method] as { declared?: Declared }).declared,
  }));
}

const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(HTTP_STATUS) as [keyof typeof HTTP_STATUS, ...(keyof typeof HTTP_STATUS)[]]),
      message: z.string().meta({ description: "What went wrong and what to do, in plain words." }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

const SECURITY_SCHEMES = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    bearerFormat: `${TOKEN_PREFIX}…`,
    description: `An API token (Authorization: Bearer ${TOKEN_PREFIX}…), created under API tokens in the user menu. It calls only routes whose scope it holds: ${SCOPES.map((s) => `${s} (${SCOPE_DESCRIPTIONS[s]})`).join(" ")}`,
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser's session after signing in. Not accepted as a bearer token.",
  },
} as const;

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

/** Groups for the reference: who uses a route more than where it sits. */
function tagOf(path: string, d: Declared): string {
  if (/^\/api\/(rm|projects\/\{slug\}\/(models|retrain))\b/.test(path)) return "reward model";
  if (/^\/api\/projects\/\{slug\}\/(export|import)\b/.test(path)) return "import and export";
  if (d.roles !== "public" && d.roles.includes("LABELER") && path !== "/api/projects") return "labeling";
  const first = path.split("/")[2] ?? "";
  return { admin: "admin", tokens: "API tokens", projects: "projects" }[first] ?? "service";
}

const PARAM_MEANINGS: Record<string, string> = {
  slug: "The project's slug, as in its address.",
  userId: "The user's id.",
};

function operation(method: string, path: string, d: Declared): RouteConfig {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const params = names.length
    ? z.object(
        Object.fromEntries(
          names.map((n) => [n, z.string().meta({ description: d.params?.[n] ?? PARAM_MEANINGS[n] ?? n })]),
        ),
      )
    : undefined;
  const isPublic = d.roles === "public";
  const ok = d.produces
    ? {
        description: d.produces.description,
        content: { [d.produces.contentType]: { schema: { type: "string" as const } } },
      }
    : {
        description: "Success.",
        ...(d.response ? { content: { "application/json": { schema: d.response } } } : {}),
      };
  const json = d.validatedIn ?? d.body;
  const body = json
    ? { content: { "application/json": { schema: json } }, required: true }
    : d.consumes
      ? {
          description: d.consumes.description,
          content: Object.fromEntries(d.consumes.contentTypes.map((t) => [t, { schema: { type: "string" as const } }])),
          required: true,
        }
      : undefined;
  const who = isPublic ? "Anyone." : `Roles: ${(d.roles as readonly string[]).join(", ")}.`;
  const token = isPublic ? "" : d.scope ? ` API tokens with the ${d.scope} scope.` : " Browser sessions only.";
  return {
    method: method.toLowerCase() as RouteConfig["method"],
    path,
    operationId: `${method.toLowerCase()}${path
      .replace(/^\/api/, "")
      .split(/[/{}.-]+/)
      .filter(Boolean)
      .map((w) => w[0]?.toUpperCase() + w.slice(1))
      .join("")}`,
    summary: d.summary,
    description: [d.description, `${who}${token}`].filter(Boolean).join("\n\n"),
    tags: [tagOf(path, d)],
    security: isPublic ? [] : [{ sessionCookie: [] }, ...(d.scope ? [{ apiToken: [d.scope] }] : [])],
    "x-roles": isPublic ? "public" : d.roles,
    ...(d.scope ? { "x-token-scope": d.scope } : {}),
    request: {
      ...(params ? { params } : {}),
      ...(d.query ? { query: d.query as z.ZodObject } : {}),
      ...(body ? { body } : {}),
    },
    responses: {
      200: ok,
      ...(d.body || d.query || d.consumes
        ? { 400: errorResponse("The input is invalid: the message names the field.") }
        : {}),
      ...(isPublic
        ? {}
        : {
            401: errorResponse("Not signed in, or the API token is unknown, revoked or expired."),
            403: errorResponse("The role, the project's access, or the token's scope does not allow this."),
          }),
      ...(names.length ? { 404: errorResponse("Not found (an unknown project, version or id).") } : {}),
      ...(d.scope ? { 429: errorResponse("Too many calls with this token; wait Retry-After seconds.") } : {}),
    },
  };
}

/**
 * The OpenAPI 3.1 document of every route in `routes`, from what each declared in its
 * apiRoute/projectRoute call: the same zod schemas the routes validate with.
 */
export function openApiDocument(routes: RouteModule[]) {
  const registry = new OpenAPIRegistry();
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES))
    registry.registerComponent("securitySchemes", name, scheme);
  for (const { route, module } of routes) {
    const path = openApiPath(route);
    for (const { method, declared } of exportedMethods(module)) {
      if (declared) registry.registerPath(operation(method, path, declared));
    }
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Vibecheck API",
      version: "1",
      description: `Call the API from scripts with an API token: Authorization: Bearer ${TOKEN_PREFIX}…. Errors answer { error: { code, message, details } }.`,
    },
  });
}
