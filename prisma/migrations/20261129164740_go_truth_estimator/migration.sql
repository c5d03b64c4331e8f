-- Existing projects keep the estimator their stored truth was computed with, so that upgrading
-- recomputes nothing unasked. New projects get tree search (uct/v1).
ALTER TABLE "Project" ADD COLUMN     "goTruthEstimator" TEXT NOT NULL DEFAULT 'random-playouts/v1';
ALTER TABLE "Project" ALTER COLUMN "goTruthEstimator" SET DEFAULT 'uct/v1';
