-- CreateTable
CREATE TABLE "LabRun" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "modelVersion" INTEGER,
    "params" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB NOT NULL,
    "seconds" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LabRun_projectId_kind_createdAt_idx" ON "LabRun"("projectId", "kind", "createdAt");

-- AddForeignKey
ALTER TABLE "LabRun" ADD CONSTRAINT "LabRun_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

