// Whether the database holds no node at all (the seed is loaded only then).
RETURN NOT EXISTS { MATCH (n) } AS empty
