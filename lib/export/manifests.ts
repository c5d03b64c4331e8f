import { db } from "../db";
import type { RuleCounts } from "./rows/rules";

export type ManifestView = {
  id: string;
  format: string;
  fileType: string;
  spec: unknown;
  counts: RuleCounts;
  rowCount: number;
  byteCount: number;
  cutoff: string;
  contentSha256: string;
  requestedBy: string;
  createdAt: string;
};

type Stored = Awaited<ReturnType<ReturnType<typeof db>["exportManifest"]["create"]>>;

function view(m: Stored): ManifestView {
  return {
    id: m.id,
    format: m.format,
    fileType: m.fileType,
    spec: m.spec,
    counts: m.counts as RuleCounts,
    rowCount: m.rowCount,
    byteCount: Number(m.byteCount),
    cutoff: m.cutoff.toISOString(),
    contentSha256: m.contentSha256,
    requestedBy: m.requestedBy,
    createdAt: m.createdAt.toISOString(),
  };
}

export async function saveManifest(input: {
  projectId: string;
  format: string;
  fileType: string;
  spec: object;
  counts: RuleCounts;
  byteCount: number;
  cutoff: Date;
  contentSha256: string;
  requestedBy: string;
}): Promise<ManifestView> {
  const stored = await db().exportManifest.create({
    data: {
      ...input,
      counts: { ...input.counts },
      rowCount: input.counts.rowsWritten,
      byteCount: BigInt(input.byteCount),
    },
  });
  return view(stored);
}

/** The project's manifests, newest first. */
export async function listManifests(projectId: string, take = 50): Promise<ManifestView[]> {
  const rows = await db().exportManifest.findMany({ where: { projectId }, orderBy: { createdAt: "desc" }, take });
  return rows.map(view);
}
