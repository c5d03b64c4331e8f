-- AlterTable
ALTER TABLE "RewardModel" ADD COLUMN     "heldOutGaps" JSONB,
ADD COLUMN     "notServedReason" TEXT,
ADD COLUMN     "prunedAt" TIMESTAMP(3),
ADD COLUMN     "servingDecision" JSONB,
ALTER COLUMN "onnx" DROP NOT NULL;

