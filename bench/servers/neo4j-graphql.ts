// The peer: @neo4j/graphql generating its schema from type defs over the same Neo4j data, served by graphql-yoga.
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';

// Only what the scenarios read. The two relationship questions are @cypher fields, as a user of the library writes
// them: the library inlines them into the one statement it generates per operation.
const typeDefs = /* GraphQL */ `
  type Person @node {
    slug: String!
    name: String!
    isGroup: Boolean
    aliases: [String!]
    credits: [Work!]! @relationship(type: "CREDITED", direction: OUT, properties: "Credited")
    sharedWorks(with: [String!]!): [Work!]!
      @cypher(
        statement: """
        MATCH (this)-[:CREDITED]->(w:Work)<-[:CREDITED]-(o:Person) WHERE o.slug IN $with
        WITH DISTINCT w ORDER BY w.year, w.slug RETURN w
        """
        columnName: "w"
      )
  }

  type Work @node {
    slug: String!
    title: String!
    year: Int
    credited: [Person!]! @relationship(type: "CREDITED", direction: IN, properties: "Credited")
  }

  type Credited @relationshipProperties {
    role: String!
  }

  type PathStep {
    from: String!
    fromRoles: [String!]!
    work: String!
    to: String!
    toRoles: [String!]!
  }

  type Query {
    commonCollaborators(of: [String!]!): [Person!]!
      @cypher(
        statement: """
        UNWIND $of AS target
        MATCH (:Person {slug: target})-[:CREDITED]->(w:Work)<-[:CREDITED]-(other:Person)
        WHERE NOT other.slug IN $of
        WITH other, count(DISTINCT target) AS reached, count(DISTINCT w) AS shared
        WHERE reached = size($of)
        RETURN other ORDER BY shared DESC, other.slug
        """
        columnName: "other"
      )
    shortestPath(from: String!, to: String!, maxHops: Int!): [PathStep!]!
      @cypher(
        statement: """
        MATCH (a:Person {slug: $from}), (b:Person {slug: $to})
        MATCH p = allShortestPaths((a)-[:CREDITED*..12]-(b))
        WHERE length(p) <= 2 * $maxHops
        WITH p ORDER BY [n IN nodes(p) | n.slug] LIMIT 1
        WITH nodes(p) AS ns
        UNWIND range(0, size(ns) - 3, 2) AS i
        WITH i, ns[i] AS x, ns[i + 1] AS w, ns[i + 2] AS y ORDER BY i
        RETURN {from: x.slug, fromRoles: [(x)-[c:CREDITED]->(w) | c.role], work: w.slug, to: y.slug,
                toRoles: [(y)-[c:CREDITED]->(w) | c.role]} AS step
        """
        columnName: "step"
      )
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7689',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
);
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', landingPage: false, graphiql: false, logging: false });

const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.info(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});

// Exit cleanly on SIGTERM, so --cpu-prof writes its profile.
process.once('SIGTERM', () => process.exit(0));
