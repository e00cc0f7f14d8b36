// Bulk load into an empty database: relationships between the nodes just created, without looking for existing ones.
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})
MATCH (b:__TO__ {slug: row.to})
CREATE (a)-[r:__TYPE__]->(b)
SET r = row.props
RETURN count(*) AS matched
