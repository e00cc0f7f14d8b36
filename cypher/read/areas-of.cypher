// The place each person or group is from.
UNWIND $slugs AS slug
MATCH (:Person {slug: slug})-[:IN_AREA]->(area:Place)
RETURN slug, properties(area) AS props
