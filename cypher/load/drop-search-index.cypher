// A big load into an empty database drops the full-text index and builds it again at the end: one bulk population
// (6–10 s at 1M credits) costs far less than updating Lucene in every batch's commit (about 20 s of the node batches).
DROP INDEX liner_search IF EXISTS
