// Members of each group.
UNWIND $slugs AS slug
MATCH (:Person {slug: slug})<-[:MEMBER_OF]-(m:Person)
RETURN slug, properties(m) AS props
