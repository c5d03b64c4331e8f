-- uct/v1 became uct/v2 (policy playouts instead of uniformly random ones). Projects that chose tree
-- search keep it: the go-truth job then replaces their uct/v1 rows, which no longer match the setting.
UPDATE "Project" SET "goTruthEstimator" = 'uct/v2' WHERE "goTruthEstimator" = 'uct/v1';
