// The people credited on each work, names only: duplicate evidence.
UNWIND $slugs AS slug
MATCH (w:Work {slug: slug})
RETURN slug, COLLECT { MATCH (w)<-[:CREDITED]-(o:Person) RETURN DISTINCT {slug: o.slug, name: o.name} } AS people
