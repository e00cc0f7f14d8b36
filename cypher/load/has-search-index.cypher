// Whether the full-text index is there, so a bulk load rebuilds it only if it found it (see drop-search-index).
SHOW INDEXES YIELD name WHERE name = 'liner_search'
RETURN count(*) > 0 AS exists
