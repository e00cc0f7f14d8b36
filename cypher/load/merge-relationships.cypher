// Idempotent relationship load; `key` tells parallel relationships apart (a credit's role).
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})
MATCH (b:__TO__ {slug: row.to})
OPTIONAL MATCH (a)-[existing:__TYPE__ {key: row.key}]->(b)
WITH a, b, row, existing IS NULL AS created, existing IS NOT NULL AND properties(existing) <> row.props AS changed
MERGE (a)-[r:__TYPE__ {key: row.key}]->(b)
SET r = row.props
RETURN count(*) AS matched, sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
