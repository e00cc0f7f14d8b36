// Who is calling: a bearer token from API_TOKENS or a JWT (HS256 secret or JWKS), checked with jose.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Config } from './config.ts';

export interface Viewer {
  subject: string;
  via: 'token' | 'jwt';
}

/** No credentials, accepted credentials, or credentials that were offered and refused (with why). */
export type Authentication =
  | { viewer: null; refused: null }
  | { viewer: Viewer; refused: null }
  | { viewer: null; refused: string };

const digest = (text: string) => createHash('sha256').update(text).digest();

export function createAuthenticator(config: Config): (request: Request) => Promise<Authentication> {
  // Compare digests so every comparison takes the same time whatever the token's length.
  const tokens = config.API_TOKENS.map((token, index) => ({ digest: digest(token), subject: `token-${index + 1}` }));
  const secret = config.JWT_SECRET ? new TextEncoder().encode(config.JWT_SECRET) : null;
  const jwks: JWTVerifyGetKey | null = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL)) : null;
  // A JWT without `exp` would never expire: refused, unless JWT_MAX_AGE bounds every token by its `iat` instead.
  const options = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    requiredClaims: config.JWT_MAX_AGE === undefined ? ['exp'] : ['iat'],
    ...(config.JWT_MAX_AGE === undefined ? {} : { maxTokenAge: config.JWT_MAX_AGE }),
  };

  return async (request) => {
    const header = request.headers.get('authorization');
    if (header === null || header === '') return { viewer: null, refused: null };
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return { viewer: null, refused: 'the Authorization header must be "Bearer <token>"' };
    const presented = match[1] as string;
    const presentedDigest = digest(presented);
    const token = tokens.find((t) => timingSafeEqual(t.digest, presentedDigest));
    if (token) return { viewer: { subject: token.subject, via: 'token' }, refused: null };
    if (presented.split('.').length === 3 && (secret || jwks)) {
      try {
        const { payload } = secret
          ? await jwtVerify(presented, secret, { ...options, algorithms: ['HS256'] })
          : await jwtVerify(presented, jwks as JWTVerifyGetKey, options);
        return { viewer: { subject: String(payload.sub ?? 'jwt'), via: 'jwt' }, refused: null };
      } catch (error) {
        const why = (error as Error).message;
        const hint = /"exp" claim/.test(why) ? '; tokens must expire (exp), or the server must set JWT_MAX_AGE' : '';
        return { viewer: null, refused: `the JWT was not accepted (${why}${hint})` };
      }
    }
    return { viewer: null, refused: 'the bearer token is not one this server accepts' };
  };
}
