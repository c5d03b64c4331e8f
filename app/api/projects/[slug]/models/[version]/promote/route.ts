import { STAFF } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { parseVersionParam, promoteVersion } from "@/lib/rm/service/versions";

/**
 * Makes a kept version serve, overriding the serving rule (a lead or ML engineer's call). A plain
 * HTML form post (the dashboard's "Promote" button) is sent back to the dashboard; API callers get JSON.
 */
export const POST = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    summary: "Make a kept version serve, overriding the serving rule",
    params: { version: "The version number to promote." },
  },
  async ({ req, project, params, user }) => {
    const version = parseVersionParam(params.version);
    if (version === "current") {
      throw new DomainError("INVALID_INPUT", 'Name the version to promote by its number (1, 2, …), not "current".');
    }
    const promoted = await promoteVersion(project, version, user);
    if (req.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
      return new Response(null, {
        status: 303,
        headers: { location: `/projects/${project.slug}?promoted=${version}#reward-model` },
      });
    }
    return {
      ...promoted,
      message: `Version ${version} serves now${promoted.previous ? ` instead of version ${promoted.previous}` : ""}.`,
    };
  },
);
