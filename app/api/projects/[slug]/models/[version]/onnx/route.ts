import { ML_TEAM } from "@/lib/auth/roles";
import { apiRoute } from "@/lib/http/route";
import { projectBySlug } from "@/lib/projects";
import { onnxBytes, parseVersionParam, requireVersion } from "@/lib/rm/service/versions";

/** The version's ONNX file (a number or "current"); its metadata carries the featurizer and the card. */
export const GET = apiRoute({ roles: ML_TEAM }, async ({ params }) => {
  const project = await projectBySlug(params.slug ?? "");
  const model = await requireVersion(project, parseVersionParam(params.version));
  const bytes = await onnxBytes(model.id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${project.slug}-reward-model-v${model.version}.onnx"`,
      "cache-control": "private, max-age=3600, immutable",
    },
  });
});
