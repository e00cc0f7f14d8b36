// A page of source documents by slug.
MATCH (d:Document)
WITH d ORDER BY d.slug
WITH collect(d) AS documents
RETURN size(documents) AS total, [d IN documents[$offset..$offset + $limit] | properties(d)] AS items
