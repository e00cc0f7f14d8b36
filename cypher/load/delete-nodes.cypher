// Undo a bulk load that failed part-way: its nodes by slug, with every relationship they have.
UNWIND $slugs AS slug
MATCH (n:__LABEL__ {slug: slug})
DETACH DELETE n
RETURN count(*) AS deleted
