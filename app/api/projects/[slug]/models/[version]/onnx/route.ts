import { ML_TEAM } from "@/lib/auth/roles";
import { projectRoute } from "@/lib/http/project-route";
import { onnxBytes, parseVersionParam, requireVersion } from "@/lib/rm/service/versions";

/** The version's ONNX file (a number or "current"); its metadata carries the featurizer and the card. */
export const GET = projectRoute(
  {
    roles: ML_TEAM,
    access: "staff",
    scope: "models:read",
    summary: "Download a reward-model version as ONNX",
    params: { version: "A version number, or current for the serving version." },
    produces: {
      contentType: "application/octet-stream",
      description: "The ONNX model; its metadata carries the featurizer and the card.",
    },
  },
  async ({ project, params }) => {
    const model = await requireVersion(project, parseVersionParam(params.version));
    const bytes = await onnxBytes(model.id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${project.slug}-reward-model-v${model.version}.onnx"`,
        "cache-control": "private, max-age=3600, immutable",
      },
    });
  },
);
