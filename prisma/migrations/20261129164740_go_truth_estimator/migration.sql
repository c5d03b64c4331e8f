-- How a Go project's ground truth is computed. Random playouts are the default for existing and
-- new projects alike (tree search did not agree better with GNU Go, as the README's Go section shows).
ALTER TABLE "Project" ADD COLUMN     "goTruthEstimator" TEXT NOT NULL DEFAULT 'random-playouts/v1';
