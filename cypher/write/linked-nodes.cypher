// The first of these nodes that still has a relationship, if any: such a node may not be removed.
UNWIND $rows AS row
MATCH (n:__LABEL__ {slug: row.slug})-[r]-()
RETURN row.slug AS slug, type(r) AS type
LIMIT 1
