// Every credit on each work, with the person.
UNWIND $slugs AS slug
MATCH (p:Person)-[c:CREDITED]->(w:Work {slug: slug})
WHERE $roles IS NULL OR c.role IN $roles
RETURN slug, properties(w) AS work, properties(c) AS credit, properties(p) AS person
