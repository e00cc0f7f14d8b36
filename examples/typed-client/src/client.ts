// A minimal typed GraphQL client: fetch a TypedDocumentString, get its result type back.
import type { TypedDocumentString } from './gql/graphql';

export class GraphQLRequestError extends Error {
  override name = 'GraphQLRequestError';
  readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[];
  constructor(errors: readonly { message: string; extensions?: Record<string, unknown> }[]) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export interface ClientOptions {
  /** e.g. http://localhost:4000/graphql */
  endpoint: string;
  /** A bearer token, for mutations or when the server requires one for reads. */
  token?: string;
  fetch?: typeof fetch;
}

/** Run a query as a GET (cacheable: `Cache-Control: public` without a token) and return its typed data. */
export async function query<Result, Variables>(
  options: ClientOptions,
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const url = new URL(options.endpoint);
  url.searchParams.set('query', document.toString());
  url.searchParams.set('variables', JSON.stringify(variables));
  const response = await (options.fetch ?? fetch)(url, {
    headers: {
      accept: 'application/graphql-response+json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
  });
  const body = (await response.json()) as { data?: Result | null; errors?: GraphQLRequestError['errors'] };
  if (body.errors?.length || body.data == null) throw new GraphQLRequestError(body.errors ?? [{ message: `HTTP ${response.status}` }]);
  return body.data;
}
