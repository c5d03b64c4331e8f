import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { requireApiUser } from "../auth/guard";
import type { SessionUser } from "../auth/roles";
import type { Scope } from "../auth/scopes";
import type { Role } from "../db";
import { DomainError } from "../errors";
import { httpHeaders, httpStatus } from "./status";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * What the API reference (GET /api/openapi.json, lib/http/openapi.ts) says about a route, declared
 * in the route's own wrapper call so it cannot drift from the code: the body and query schemas the
 * route validates with are documented as they are.
 */
export type RouteDocs = {
  /** One line: what the route does. Required, so no route reaches the reference undescribed. */
  summary: string;
  /** More, when a caller needs it (formats, limits, what errors mean). */
  description?: string;
  /** The JSON answer (200), when the route sends a plain value. */
  response?: z.ZodType;
  /** A non-JSON answer (a file, a stream, a redirect): its content type and what it holds. */
  produces?: { contentType: string; description: string };
  /**
   * The JSON body's schema when the route passes `body: z.unknown()` and lib/ validates it (with
   * messages worded for its forms): documented as if the route validated with it.
   */
  validatedIn?: z.ZodType;
  /** A request body that is not JSON (an upload): its content types and what it holds. */
  consumes?: { contentTypes: string[]; description: string };
  /** What each path parameter means, by name (every parameter is a string). */
  params?: Record<string, string>;
};

export type RouteSpec<B extends z.ZodType, Q extends z.ZodType> = RouteDocs & {
  /** Checked first, on the server, before anything in the request is read. */
  roles: readonly Role[];
  /**
   * The API token scope that lets a token call this route (`Authorization: Bearer vck_…`). Without
   * one the route is for browser sessions only and answers 403 to every token.
   */
  scope?: Scope;
  body?: B;
  query?: Q;
};

/** What a route handler carries for tests and the API reference. */
export type Declared = RouteDocs & {
  roles: readonly Role[] | "public";
  scope?: Scope;
  access?: "member" | "staff";
  body?: z.ZodType;
  query?: z.ZodType;
};

/** What every handler gets besides who asks: the request, its validated input, the URL's params. */
export type RouteInput<B extends z.ZodType, Q extends z.ZodType> = {
  req: NextRequest;
  body: z.infer<B>;
  query: z.infer<Q>;
  params: Record<string, string>;
};

export type RouteCall<B extends z.ZodType, Q extends z.ZodType> = RouteInput<B, Q> & { user: SessionUser };

/**
 * A route handler as Next.js calls it, carrying what it declared (roles, and the wrappers' own
 * settings) so a test can read the policy from the route itself.
 */
export type RouteHandler<D extends { roles: unknown }> = ((
  req: NextRequest,
  context: RouteContext,
) => Promise<Response>) &
  D & { declared: Declared };

/** Attaches what a route declared to its handler (and, for the tests' convenience, roles and access). */
export function declare<D extends Declared>(
  handler: (req: NextRequest, context: RouteContext) => Promise<Response>,
  declared: D,
): RouteHandler<Pick<D, "roles">> & Pick<D, "access" | "scope"> {
  return Object.assign(handler, { roles: declared.roles, scope: declared.scope, access: declared.access, declared });
}

/**
 * A handler that does not go through the wrappers (a health check, next-auth's own endpoints),
 * documented all the same so the API reference lists every route.
 */
export function documented<H extends (...args: never[]) => unknown>(
  handler: H,
  docs: RouteDocs & { roles: readonly Role[] | "public" },
): H & { declared: Declared } {
  return Object.assign(handler, { declared: docs });
}

/**
 * A route handler: authorize, validate, call one function in lib/, shape the response.
 * Handlers return a plain value (sent as JSON) or a Response of their own.
 */
export function apiRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<B, Q>,
  handler: (call: RouteCall<B, Q>) => Promise<unknown>,
): RouteHandler<{ roles: readonly Role[] }> {
  return declare(
    routeHandler(spec, async (req) => ({ user: await requireApiUser(req, spec.roles, spec.scope) }), handler),
    spec,
  );
}

/** A route anyone may call (sign-up through an invite): what it creates must not depend on a role. */
export function publicRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: Omit<RouteSpec<B, Q>, "roles" | "scope">,
  handler: (call: RouteInput<B, Q>) => Promise<unknown>,
): RouteHandler<{ roles: "public" }> {
  return declare(
    routeHandler(spec, async () => ({}), handler),
    { ...spec, roles: "public" as const },
  );
}

/**
 * The path every wrapper shares: who asks (and what they may open) is settled before the body or
 * the query is read, then the input is validated, then the handler runs; a DomainError becomes its
 * HTTP answer.
 */
export function routeHandler<B extends z.ZodType, Q extends z.ZodType, Who extends object>(
  spec: { body?: B; query?: Q },
  authorize: (req: NextRequest, params: Record<string, string>) => Promise<Who>,
  handler: (call: Who & RouteInput<B, Q>) => Promise<unknown>,
): (req: NextRequest, context: RouteContext) => Promise<Response> {
  return async (req, context) => {
    try {
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]),
      );
      const who = await authorize(req, params);
      // Without a schema the input is undefined, which is what z.infer of the default ZodUndefined says.
      const body = (spec.body ? parse(spec.body, await readJson(req), "body") : undefined) as z.infer<B>;
      const query = (
        spec.query ? parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined
      ) as z.infer<Q>;
      const result = await handler({ ...who, req, body, query, params });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function readJson(req: NextRequest): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new DomainError("BAD_JSON", "The request body is not valid JSON.");
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const nul = pathToNul(value, [where]);
  if (nul) {
    // PostgreSQL text cannot hold U+0000: such a value would fail at the database as a server fault.
    const field = nul.join(".");
    const message = "must not contain the NUL character (U+0000)";
    throw new DomainError("INVALID_INPUT", `Invalid ${where}: ${field}: ${message}`, [{ field, message }]);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: [where, ...i.path].join("."), message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  throw new DomainError("INVALID_INPUT", `Invalid ${where}: ${summary}`, fields);
}

/** The path to the first string (value or key) holding U+0000, or null. */
function pathToNul(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathToNul(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key.replaceAll("\u0000", "\\u0000")];
      const found = pathToNul(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: httpStatus(error.code), headers: httpHeaders(error) },
    );
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on the server; it was logged." } },
    { status: 500 },
  );
}
