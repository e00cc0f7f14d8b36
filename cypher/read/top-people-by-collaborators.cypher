// People ranked by how many others share a work with them while they hold a credit in $roles, then by slug.
MATCH (p:Person)-[c:CREDITED]->(w:Work)
WHERE $roles IS NULL OR c.role IN $roles
WITH DISTINCT p, w
MATCH (w)<-[:CREDITED]-(other:Person)
WHERE other <> p
WITH p, count(DISTINCT other) AS count
ORDER BY count DESC, p.slug
LIMIT $limit
RETURN properties(p) AS person, count
