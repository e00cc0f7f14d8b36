// The names (or titles) and aliases of these nodes of one label: the duplicate index refreshes the nodes a write touched.
UNWIND $slugs AS slug
MATCH (n:__LABEL__ {slug: slug})
RETURN n.slug AS slug, coalesce(n.name, n.title, n.slug) AS name, coalesce(n.aliases, []) AS aliases
ORDER BY slug
