// An answer for a request refused before GraphQL runs (limits, auth, a wrong path, a bad bookmark, an export), in the
// shape GraphQL errors take, so a client reads one kind of error from the whole server.

export function errorResponse(
  fetchAPI: { Response: typeof Response },
  status: number,
  message: string,
  extensions: Record<string, string | number>,
  headers: Record<string, string> = {},
): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
