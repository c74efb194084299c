// What both flows need: tokens from the service's token endpoint, and an Apollo Client that sends
// automatic persisted queries (hash first; the text once when the service does not know it yet).
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';
import { RequestCodeDocument } from './generated.js';

export function apollo(base: string, token?: string): ApolloClient<unknown> {
  const persisted = createPersistedQueryLink({
    sha256: (text: string) => createHash('sha256').update(text).digest('hex'),
    useGETForHashedQueries: true,
  });
  const http = new HttpLink({
    uri: `${base}/graphql`,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  return new ApolloClient({
    link: from([persisted, http]),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
  });
}

async function token(base: string, clientId: string, secret: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(`${base}/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!body.access_token) {
    throw new Error(`no token for ${clientId}: ${body.error} ${body.error_description ?? ''}`);
  }
  return body.access_token;
}

/** A bank, insurer or terminal: OAuth 2.0 client credentials. */
export function clientCredentials(base: string, clientId: string, secret: string): Promise<string> {
  return token(base, clientId, secret, { grant_type: 'client_credentials' });
}

/** A resident in the app: an SMS code (read from the default run's dev outbox), then the token. */
export async function resident(base: string, mobile: string): Promise<string> {
  const sent = await apollo(base).mutate({ mutation: RequestCodeDocument, variables: { mobile } });
  const grantType = sent.data!.requestLoginCode.grantType;
  const outbox = (await (await fetch(`${base}/dev/sms-outbox?mobile=${mobile}`)).json()) as { code: string }[];
  return token(base, 'tongban-app', 'tongban-app-demo-secret', { grant_type: grantType, mobile, code: outbox[0].code });
}

export function check(condition: unknown, what: string): asserts condition {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
  console.log(`  ✓ ${what}`);
}

/** The extensions.code of the first GraphQL error of a failed Apollo call. */
export function errorCode(error: unknown): string | undefined {
  const graphQLErrors = (error as { graphQLErrors?: { extensions?: { code?: string } }[] }).graphQLErrors;
  return graphQLErrors?.[0]?.extensions?.code;
}
