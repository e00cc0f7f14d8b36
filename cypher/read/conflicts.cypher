// Conflicts, all of them or those about given nodes, with their claims in order and their subjects.
MATCH (c:Conflict)
RETURN c.slug AS slug, c.description AS description,
       COLLECT { MATCH (c)-[:HAS_CLAIM]->(cl:Claim) RETURN properties(cl) AS claim ORDER BY cl.position } AS claims,
       COLLECT { MATCH (c)-[:ABOUT]->(x) RETURN {label: labels(x)[0], slug: x.slug} } AS about
ORDER BY c.slug
