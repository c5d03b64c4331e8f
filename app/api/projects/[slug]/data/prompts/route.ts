import { z } from "zod";
import { STAFF } from "@/lib/auth/roles";
import { decodeCursor, promptsPage } from "@/lib/browse";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";

const query = z.object({ q: z.string().optional(), after: z.string().optional() });

/** The data browser's prompts page as JSON: search by text or id, keyset-paged like the page. */
export const GET = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    summary: "The data browser's prompts page: search by text or id, keyset-paged",
    query,
  },
  async ({ project, query }) => {
    const after = query.after ? decodeCursor(query.after) : undefined;
    if (after === null) {
      throw new DomainError(
        "INVALID_INPUT",
        "after is not a cursor from a previous page: use the `next` value as given.",
      );
    }
    return promptsPage(project, { search: query.q, after });
  },
);
