// Each person's birthplace, with the sources that state it.
UNWIND $slugs AS slug
MATCH (:Person {slug: slug})-[b:BORN_IN]->(place:Place)
RETURN slug, properties(place) AS place, properties(b) AS rel
