import { z } from "zod";
import { STAFF } from "@/lib/auth/roles";
import { judgmentsPage, readJudgmentFilters } from "@/lib/browse";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";

const query = z.object({
  labeler: z.string().optional(),
  choice: z.string().optional(),
  rationale: z.string().optional(),
  gold: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  after: z.string().optional(),
});

/** The data browser's judgments page as JSON: the same filters and cursor as the page's address. */
export const GET = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    summary: "The data browser's judgments page: filters and cursor as in the page's address",
    query,
  },
  async ({ project, query }) => {
    const { filters, problems } = readJudgmentFilters(query);
    if (problems.length) throw new DomainError("INVALID_INPUT", problems.join(" "), problems);
    return judgmentsPage(project, filters);
  },
);
