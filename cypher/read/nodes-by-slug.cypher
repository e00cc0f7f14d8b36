// Nodes of one label by slug.
UNWIND $slugs AS slug
MATCH (n:__LABEL__ {slug: slug})
RETURN slug, properties(n) AS props
