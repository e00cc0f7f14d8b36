// Groups each person is a member of.
UNWIND $slugs AS slug
MATCH (:Person {slug: slug})-[:MEMBER_OF]->(g:Person)
RETURN slug, properties(g) AS props
