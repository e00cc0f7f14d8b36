// The ceiling: graphql-yoga answering { hello } on node:http, the same stack as Liner with nothing behind it.
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ 'type Query { hello: String! }',
    resolvers: { Query: { hello: () => 'world' } },
  }),
  graphqlEndpoint: '/graphql',
  landingPage: false,
  graphiql: false,
  logging: false,
});

const server = createServer(yoga);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.info(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});

// Exit cleanly on SIGTERM, so --cpu-prof writes its profile.
process.once('SIGTERM', () => process.exit(0));
