// A page of works by slug, filtered by kind, year range and search tokens.
MATCH (w:Work)
WHERE ($kind IS NULL OR w.kind = $kind)
  AND ($yearFrom IS NULL OR w.year >= $yearFrom)
  AND ($yearTo IS NULL OR w.year <= $yearTo)
  AND ($tokens IS NULL OR all(t IN $tokens WHERE any(word IN split(w.searchText, ' ') WHERE word STARTS WITH t)))
WITH w ORDER BY w.slug
WITH collect(w) AS works
RETURN size(works) AS total, [w IN works[$offset..$offset + $limit] | {slug: w.slug, props: properties(w)}] AS items
