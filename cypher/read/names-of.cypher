// Every node of one label with its name (or title) and aliases, in slug order: duplicate candidates are blocked by them.
MATCH (n:__LABEL__)
RETURN n.slug AS slug, coalesce(n.name, n.title, n.slug) AS name, coalesce(n.aliases, []) AS aliases
ORDER BY slug
