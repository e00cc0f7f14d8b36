// Remove nodes of one label by slug. Not DETACH: a node that still has a relationship fails the transaction.
UNWIND $rows AS row
MATCH (n:__LABEL__ {slug: row.slug})
DELETE n
RETURN count(*) AS deleted
