export { listManifests, type ManifestView } from "./manifests";
export { modelVersions } from "./models";
export { columnsFor } from "./rows/columns";
export { canonicalSpec, type ExportSpec, exportQuerySchema } from "./rows/options";
export { labelerPseudonym } from "./rows/pseudonym";
export { MARGIN_PER_LEVEL } from "./rows/shape";
export { type ExportRun, exportBody, exportToFile, startExport } from "./run";
