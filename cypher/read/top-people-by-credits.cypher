// People ranked by how many credits they hold in $roles (every role when null), then by slug.
MATCH (p:Person)-[c:CREDITED]->(:Work)
WHERE $roles IS NULL OR c.role IN $roles
WITH p, count(c) AS count
ORDER BY count DESC, p.slug
LIMIT $limit
RETURN properties(p) AS person, count
