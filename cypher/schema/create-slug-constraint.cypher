// One node per slug and label; __LABEL__ comes from the allow-list in src/graph/rows.ts.
CREATE CONSTRAINT __NAME__ IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.slug IS UNIQUE
