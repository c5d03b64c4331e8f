import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { requireApiUser } from "../auth/guard";
import type { SessionUser } from "../auth/roles";
import type { Role } from "../db";
import { DomainError } from "../errors";
import { httpHeaders, httpStatus } from "./status";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type RouteSpec<B extends z.ZodType, Q extends z.ZodType> = {
  /** Checked first, on the server, before anything in the request is read. */
  roles: readonly Role[];
  body?: B;
  query?: Q;
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
export type RouteHandler<Declared> = ((req: NextRequest, context: RouteContext) => Promise<Response>) & Declared;

/**
 * A route handler: authorize, validate, call one function in lib/, shape the response.
 * Handlers return a plain value (sent as JSON) or a Response of their own.
 */
export function apiRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: RouteSpec<B, Q>,
  handler: (call: RouteCall<B, Q>) => Promise<unknown>,
): RouteHandler<{ roles: readonly Role[] }> {
  const route = routeHandler(spec, async (req) => ({ user: await requireApiUser(req, spec.roles) }), handler);
  return Object.assign(route, { roles: spec.roles });
}

/** A route anyone may call (sign-up through an invite): what it creates must not depend on a role. */
export function publicRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: Omit<RouteSpec<B, Q>, "roles">,
  handler: (call: RouteInput<B, Q>) => Promise<unknown>,
): RouteHandler<{ roles: "public" }> {
  return Object.assign(
    routeHandler(spec, async () => ({}), handler),
    { roles: "public" as const },
  );
}

/**
 * The path every wrapper shares: who asks (and what they may open) is settled before the body or
 * the query is read, then the input is validated, then the handler runs; a DomainError becomes its
 * HTTP answer.
 */
export function routeHandler<B extends z.ZodType, Q extends z.ZodType, Who extends object>(
  spec: Omit<RouteSpec<B, Q>, "roles">,
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
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: [where, ...i.path].join("."), message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  throw new DomainError("INVALID_INPUT", `Invalid ${where}: ${summary}`, fields);
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
