// Remove relationships of one type by their ends and key; absent ones are not an error.
UNWIND $rows AS row
MATCH (:__FROM__ {slug: row.from})-[r:__TYPE__ {key: row.key}]->(:__TO__ {slug: row.to})
DELETE r
RETURN count(*) AS removed
