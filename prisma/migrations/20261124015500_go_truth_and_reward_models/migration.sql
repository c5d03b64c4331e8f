-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "board" JSONB;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "activeLearning" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "currentModelId" TEXT,
ADD COLUMN     "question" TEXT,
ADD COLUMN     "retrainEvery" INTEGER NOT NULL DEFAULT 200;

-- CreateTable
CREATE TABLE "GroundTruth" (
    "candidateId" TEXT NOT NULL,
    "pBlackWins" DOUBLE PRECISION NOT NULL,
    "standardError" DOUBLE PRECISION NOT NULL,
    "playouts" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "estimator" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroundTruth_pkey" PRIMARY KEY ("candidateId")
);

-- CreateTable
CREATE TABLE "RewardModel" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "featurizer" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "learningCurve" JSONB NOT NULL DEFAULT '[]',
    "card" JSONB NOT NULL,
    "onnx" BYTEA NOT NULL,
    "judgmentCount" INTEGER NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RewardModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "candidateId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "reward" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("modelId","candidateId")
);

-- CreateIndex
CREATE UNIQUE INDEX "RewardModel_projectId_version_key" ON "RewardModel"("projectId", "version");

-- CreateIndex
CREATE INDEX "Score_candidateId_idx" ON "Score"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_currentModelId_key" ON "Project"("currentModelId");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_currentModelId_fkey" FOREIGN KEY ("currentModelId") REFERENCES "RewardModel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroundTruth" ADD CONSTRAINT "GroundTruth_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardModel" ADD CONSTRAINT "RewardModel_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RewardModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

