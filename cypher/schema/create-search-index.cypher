// Full-text index over the folded words of names and titles; the whitespace analyzer keeps our own tokens as they are.
CREATE FULLTEXT INDEX liner_search IF NOT EXISTS
FOR (n:Person|Work|Award|Organization|Place) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } }
