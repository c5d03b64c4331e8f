-- New Go projects get tree search (uct/v2) as their truth: on 591 generated 9x9 positions it names
-- the same winner as GNU Go level-10 self-play on 59 of 69 decided pairs whose games' winners
-- differ, random playouts on 73 of 95 (README, Go). Existing projects keep the estimator they have.
ALTER TABLE "Project" ALTER COLUMN "goTruthEstimator" SET DEFAULT 'uct/v2';
