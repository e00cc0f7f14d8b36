// A page of people by slug, optionally those whose name has a word starting with each search token.
MATCH (p:Person)
WHERE $tokens IS NULL OR all(t IN $tokens WHERE any(word IN split(p.searchText, ' ') WHERE word STARTS WITH t))
WITH p ORDER BY p.slug
WITH collect(p) AS people
RETURN size(people) AS total, [p IN people[$offset..$offset + $limit] | {slug: p.slug, props: properties(p)}] AS items
