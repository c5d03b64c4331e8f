import { NextResponse } from "next/server";
import { STAFF } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { parseVersionParam, requireVersion } from "@/lib/rm/service/versions";

/** The version's model card: featurizer, inputs, data snapshot, training, metrics. */
export const GET = projectRoute(
  {
    roles: STAFF,
    access: "staff",
    scope: "models:read",
    summary: "A reward-model version's card: featurizer, inputs, data snapshot, training, metrics",
    params: { version: "A version number, or current for the serving version." },
  },
  async ({ project, params }) => {
    const model = await requireVersion(project, parseVersionParam(params.version));
    return NextResponse.json(model.card, {
      headers: { "content-disposition": `inline; filename="${project.slug}-reward-model-v${model.version}.card.json"` },
    });
  },
);
