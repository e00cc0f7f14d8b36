// Every credit on each work, with the person: one row per work, so the work's properties travel once, not per credit.
UNWIND $slugs AS slug
MATCH (p:Person)-[c:CREDITED]->(w:Work {slug: slug})
WHERE $roles IS NULL OR c.role IN $roles
RETURN slug, properties(w) AS work, collect({credit: properties(c), person: properties(p)}) AS credits
