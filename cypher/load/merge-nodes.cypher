// Idempotent node load: props replace the node's properties, and the counts say what changed.
UNWIND $rows AS row
OPTIONAL MATCH (existing:__LABEL__ {slug: row.slug})
WITH row, existing IS NULL AS created, existing IS NOT NULL AND properties(existing) <> row.props AS changed
MERGE (n:__LABEL__ {slug: row.slug})
SET n = row.props
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
