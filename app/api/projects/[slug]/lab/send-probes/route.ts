import { STAFF } from "@/lib/auth/roles";
import { DomainError } from "@/lib/errors";
import { projectRoute } from "@/lib/http/project-route";
import { sendProbesToLabeling } from "@/lib/lab-service/send-probes";

/**
 * "Send probes to labeling" on the Lab page. Runs inline: it is one read of the project's
 * candidates and one insert of pairs, no model is scored.
 */
export const POST = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    summary: "Pair every probe not yet in a pair with a genuine candidate of its prompt, for blind labeling",
    description:
      "What `npm run lab -- send-probes` does: the pairs are served to labelers like any other (blind, random sides, k judgments each) and the next retrain learns from the answers. Answers `{ pairs }`, the pairs made (0 when every probe is already paired). Text projects only: 400 INVALID_INPUT otherwise.",
  },
  async ({ project }) => {
    if (project.kind !== "TEXT")
      throw new DomainError("INVALID_INPUT", "Probes are degenerate texts: they need a text project.");
    const pairs = await sendProbesToLabeling(project);
    return {
      pairs,
      message:
        pairs > 0
          ? `${pairs} pair(s) of a probe against a genuine candidate are open for labeling.`
          : "Every probe is already in a pair: make probes first, or wait for the labelers.",
    };
  },
);
