import { NextResponse } from "next/server";
import { STAFF } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug } from "@/lib/projects";
import { parseVersionParam, requireVersion } from "@/lib/rm/service/versions";

/** The version's model card: featurizer, inputs, data snapshot, training, metrics. */
export const GET = apiRoute({ roles: STAFF }, async ({ params }) => {
  const project = await projectBySlug(params.slug ?? "");
  const model = await requireVersion(project, parseVersionParam(params.version));
  return NextResponse.json(model.card, {
    headers: { "content-disposition": `inline; filename="${project.slug}-reward-model-v${model.version}.card.json"` },
  });
});
