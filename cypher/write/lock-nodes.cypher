// Take the write lock of each node a change was planned from, in slug order (so two changes cannot deadlock), before
// re-reading them: a second change planned from the same rows waits here, then sees what the first one changed.
// Setting and removing a property is Neo4j's documented way to lock a node from Cypher (no APOC needed).
UNWIND $slugs AS slug
MATCH (n:__LABEL__ {slug: slug})
SET n._LOCK_ = true
REMOVE n._LOCK_
