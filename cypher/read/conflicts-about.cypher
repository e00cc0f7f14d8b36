// Conflicts about nodes of one label, by slug.
UNWIND $slugs AS subject
MATCH (:__LABEL__ {slug: subject})<-[:ABOUT]-(c:Conflict)
RETURN subject, c.slug AS slug, c.description AS description,
       COLLECT { MATCH (c)-[:HAS_CLAIM]->(cl:Claim) RETURN properties(cl) AS claim ORDER BY cl.position } AS claims,
       COLLECT { MATCH (c)-[:ABOUT]->(x) RETURN {label: labels(x)[0], slug: x.slug} } AS about
