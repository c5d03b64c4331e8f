-- CreateTable
CREATE TABLE "ExportManifest" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileType" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "counts" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "byteCount" BIGINT NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportManifest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportManifest_projectId_createdAt_idx" ON "ExportManifest"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "ExportManifest" ADD CONSTRAINT "ExportManifest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

