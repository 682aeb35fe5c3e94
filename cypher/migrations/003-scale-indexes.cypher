// Migration: indexes for the ecosystem at scale (see BENCHMARKS.md). gapAnalysis in a region and industry finds its customers through both at once. No parameters.
CREATE INDEX customer_region_industry IF NOT EXISTS FOR (n:Customer) ON (n.region, n.industry);
