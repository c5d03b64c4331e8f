-- CreateEnum
CREATE TYPE "LabelerActionKind" AS ENUM ('PAUSE', 'UNPAUSE', 'EXCLUDE', 'INCLUDE');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "paused" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "fastMs" INTEGER NOT NULL DEFAULT 2000,
ADD COLUMN     "flagFastShare" DOUBLE PRECISION NOT NULL DEFAULT 0.3,
ADD COLUMN     "flagGoldAfter" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "flagGoldBelow" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
ADD COLUMN     "flagLeftAfter" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "flagLeftMargin" DOUBLE PRECISION NOT NULL DEFAULT 0.15;

-- CreateTable
CREATE TABLE "LabelerAction" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" "LabelerActionKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabelerAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LabelerAction_projectId_createdAt_idx" ON "LabelerAction"("projectId", "createdAt");

-- AddForeignKey
ALTER TABLE "LabelerAction" ADD CONSTRAINT "LabelerAction_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelerAction" ADD CONSTRAINT "LabelerAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelerAction" ADD CONSTRAINT "LabelerAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

