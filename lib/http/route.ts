import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { requireApiUser } from "../auth/guard";
import type { SessionUser } from "../auth/roles";
import type { Role } from "../db";
import { HttpError } from "./errors";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Spec<B extends z.ZodType, Q extends z.ZodType> = {
  /** Checked first, on the server, before anything in the request is read. */
  roles: readonly Role[];
  body?: B;
  query?: Q;
};

type Call<B extends z.ZodType, Q extends z.ZodType> = {
  req: NextRequest;
  user: SessionUser;
  body: z.infer<B>;
  query: z.infer<Q>;
  params: Record<string, string>;
};

/**
 * A route handler: authorize, validate, call one function in lib/, shape the response.
 * Handlers return a plain value (sent as JSON) or a Response of their own.
 */
export function apiRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: Spec<B, Q>,
  handler: (call: Call<B, Q>) => Promise<unknown>,
) {
  return handle(spec, (req) => requireApiUser(req, spec.roles), handler);
}

/** A route anyone may call (sign-up through an invite): what it creates must not depend on a role. */
export function publicRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: Omit<Spec<B, Q>, "roles">,
  handler: (call: Omit<Call<B, Q>, "user">) => Promise<unknown>,
) {
  return handle(spec, async () => null, handler);
}

function handle<B extends z.ZodType, Q extends z.ZodType, U>(
  spec: Omit<Spec<B, Q>, "roles">,
  authorize: (req: NextRequest) => Promise<U>,
  // biome-ignore lint/suspicious/noExplicitAny: the two public wrappers fix the call's type.
  handler: (call: any) => Promise<unknown>,
) {
  return async (req: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      const user = await authorize(req);
      const params = Object.fromEntries(
        Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]),
      );
      const body = spec.body ? parse(spec.body, await readJson(req), "body") : undefined;
      const query = spec.query ? parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query") : undefined;
      const result = await handler({ req, user, body, query, params });
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
    throw new HttpError(400, "BAD_JSON", "The request body is not valid JSON.");
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ field: [where, ...i.path].join("."), message: i.message }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  throw new HttpError(400, "INVALID_INPUT", `Invalid ${where}: ${summary}`, fields);
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status, headers: error.headers },
    );
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on the server; it was logged." } },
    { status: 500 },
  );
}
