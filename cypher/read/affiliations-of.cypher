// Schools and studios each person studied, worked or taught at.
UNWIND $slugs AS slug
MATCH (:Person {slug: slug})-[a:STUDIED_AT|WORKED_AT|TAUGHT_AT]->(o:Organization)
RETURN slug, type(a) AS type, properties(a) AS rel, properties(o) AS organization
