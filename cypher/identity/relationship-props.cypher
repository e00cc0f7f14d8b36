// Stored properties of relationships of one type between nodes of two labels, by their ends' slugs and their key,
// so a load can union a relationship's sources instead of replacing them.
UNWIND $rows AS row
MATCH (a:__FROM__ {slug: row.from})-[r:__TYPE__ {key: row.key}]->(b:__TO__ {slug: row.to})
RETURN row.i AS i, properties(r) AS props
