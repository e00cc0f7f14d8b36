// The first relationship row whose start or end node does not exist, if any.
UNWIND $rows AS row
OPTIONAL MATCH (a:__FROM__ {slug: row.from})
OPTIONAL MATCH (b:__TO__ {slug: row.to})
WITH row, a, b
WHERE a IS NULL OR b IS NULL
RETURN CASE WHEN a IS NULL THEN row.from ELSE row.to END AS slug, a IS NULL AS fromMissing
LIMIT 1
