import type { z } from "zod";
import { requireApiUser } from "../auth/guard";
import type { Role } from "../db";
import type { Project } from "../generated/prisma/client";
import { openProject, type ProjectAccess } from "../projects/lookup";
import { declare, type RouteCall, type RouteHandler, type RouteSpec, routeHandler } from "./route";

export type ProjectRouteSpec<B extends z.ZodType, Q extends z.ZodType> = RouteSpec<B, Q> & {
  /** Who may open the project: its members (labelers who joined; staff open any), or staff only. */
  access: ProjectAccess;
};

/**
 * A route under /api/projects/[slug]: the role is checked, then the project is looked up once and
 * opened for the user as `access` declares (404 for an unknown project, 403 for a labeler who did
 * not join it), all before the request's input is read.
 */
export function projectRoute<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  spec: ProjectRouteSpec<B, Q>,
  handler: (call: RouteCall<B, Q> & { project: Project }) => Promise<unknown>,
): RouteHandler<{ roles: readonly Role[]; access: ProjectAccess }> {
  if (spec.access === "staff" && spec.roles.includes("LABELER")) {
    throw new Error(
      'A project route open to labelers must declare access: "member" (labelers reach only their projects).',
    );
  }
  const route = routeHandler(
    spec,
    async (req, params) => {
      const user = await requireApiUser(req, spec.roles, spec.scope);
      return { user, project: await openProject(user, params.slug ?? "", spec.access) };
    },
    handler,
  );
  return declare(route, spec);
}
