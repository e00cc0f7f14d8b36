// Each person's credited works and collaborators (people credited on those works), names only: duplicate evidence.
UNWIND $slugs AS slug
MATCH (p:Person {slug: slug})
WITH slug, p, COLLECT { MATCH (p)-[:CREDITED]->(w:Work) RETURN DISTINCT w } AS works
RETURN slug,
       [w IN works | {slug: w.slug, title: w.title, year: w.year}] AS works,
       COLLECT {
         UNWIND works AS w
         MATCH (w)<-[:CREDITED]-(o:Person)
         WHERE o <> p
         RETURN DISTINCT {slug: o.slug, name: o.name}
       } AS people
