// The write contract, run against each store: authentication, upserts, credits, validation, hostile strings.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { graphqlClient, SEED_FILE } from '../helpers.ts';

export const WRITER_TOKEN = 'test-writer-token-0123456789';
export const writeConfig = loadConfig({
  LOG_LEVEL: 'silent',
  API_TOKENS: WRITER_TOKEN,
  JWT_SECRET: 'a-test-secret-of-at-least-32-chars!!',
});

const SOURCE = { document: 'thom-russo-article', citations: ['1'], quote: 'Thom Russo is an American record producer' };

export function writeTests(getStore: () => GraphStore) {
  const as = (token: string | null) => {
    const client = graphqlClient(getStore(), writeConfig);
    return (query: string, variables?: Record<string, unknown>) => client(query, variables, token);
  };
  const writer = () => as(WRITER_TOKEN);
  const counts = () => getStore().counts();

  const UPSERT = /* GraphQL */ `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug name isGroup sources { quote } } }`;

  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-right-token-at-all'],
    ['a forged JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlLXRoYXQtaXMtd3Jvbmc'],
  ])('refuses a write with %s and writes nothing', async (_name, token) => {
    const before = await counts();
    const response = await as(token)(UPSERT, { input: { name: 'Mallory', source: SOURCE } });
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toEqual({});
    expect(await counts()).toEqual(before);
  });

  it('accepts a signed JWT (HS256) as well as an API token', async () => {
    const { SignJWT } = await import('jose');
    const jwt = await new SignJWT({ sub: 'editor-1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-test-secret-of-at-least-32-chars!!'));
    const response = await as(jwt)(UPSERT, { input: { slug: 'jwt-writer-test', name: 'JWT Writer', source: SOURCE } });
    expect(response.errors).toBeUndefined();
    expect(response.data.upsertPerson).toMatchObject({ slug: 'jwt-writer-test' });
  });

  it('keeps reads public', async () => {
    const response = await as(null)(`{ person(slug: "thom-russo") { name } }`);
    expect(response.data).toEqual({ person: { name: 'Thom Russo' } });
  });

  it('upserts a person idempotently by slug, with its source once', async () => {
    const input = { name: 'Ada Engineer', isGroup: false, source: SOURCE };
    const first = await writer()(UPSERT, { input });
    const afterFirst = await counts();
    const second = await writer()(UPSERT, { input });
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(first.data.upsertPerson).toEqual({
      slug: 'ada-engineer',
      name: 'Ada Engineer',
      isGroup: false,
      sources: [{ quote: SOURCE.quote }],
    });
    expect(await counts()).toEqual(afterFirst);
  });

  it('sees its own writes within one operation (the README example: document, person, credit)', async () => {
    const response = await writer()(/* GraphQL */ `mutation {
      upsertDocument(input: { slug: "liner-notes-bobby", title: "Bobby (liner notes)" }) { slug }
      upsertPerson(input: { name: "Bea Engineer", source: { document: "liner-notes-bobby", quote: "Engineered by Bea Engineer" } }) { slug }
      addCredit(input: { person: "bea-engineer", work: "bobby", role: ENGINEER,
                         source: { document: "liner-notes-bobby", quote: "Engineered by Bea Engineer" } }) { role work { title } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      upsertDocument: { slug: 'liner-notes-bobby' },
      upsertPerson: { slug: 'bea-engineer' },
      addCredit: { role: 'ENGINEER', work: { title: 'Bobby' } },
    });
  });

  it('adds and removes a credit, which then shows in collaborations', async () => {
    await writer()(UPSERT, { input: { name: 'Ada Engineer', source: SOURCE } });
    const add = await writer()(
      `mutation($input: CreditInput!) { addCredit(input: $input) { person { slug } work { slug } role detail sources { quote citations } } }`,
      { input: { person: 'ada-engineer', work: 'dangerous', role: 'MIXER', detail: 'one track', source: SOURCE } },
    );
    expect(add.errors).toBeUndefined();
    expect(add.data.addCredit).toEqual({
      person: { slug: 'ada-engineer' },
      work: { slug: 'dangerous' },
      role: 'MIXER',
      detail: 'one track',
      sources: [{ quote: SOURCE.quote, citations: ['1'] }],
    });
    const withBoth = await writer()(`{ commonCollaborators(of: ["ada-engineer", "thom-russo"]) { person { slug } } }`);
    expect((withBoth.data.commonCollaborators as { person: { slug: string } }[]).map((c) => c.person.slug)).toContain(
      'michael-jackson',
    );
    const remove = `mutation { removeCredit(input: { person: "ada-engineer", work: "dangerous", role: MIXER }) { removed work { slug } } }`;
    expect((await writer()(remove)).data).toEqual({ removeCredit: { removed: true, work: { slug: 'dangerous' } } });
    expect((await writer()(remove)).data).toEqual({ removeCredit: { removed: false, work: { slug: 'dangerous' } } });
    const after = await writer()(`{ person(slug: "ada-engineer") { credits { totalCount } } }`);
    expect(after.data).toEqual({ person: { credits: { totalCount: 0 } } });
  });

  it('records an award win with its recipients', async () => {
    const response = await writer()(
      `mutation($input: AddAwardWinInput!) { addAwardWin(input: $input) { slug award { slug } category year work { slug } recipients { slug } } }`,
      {
        input: {
          award: 'grammy-award',
          category: 'Test Category',
          year: 2001,
          work: 'dangerous',
          recipients: ['thom-russo'],
          source: SOURCE,
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.addAwardWin).toEqual({
      slug: 'grammy-award-2001-dangerous-test-category',
      award: { slug: 'grammy-award' },
      category: 'Test Category',
      year: 2001,
      work: { slug: 'dangerous' },
      recipients: [{ slug: 'thom-russo' }],
    });
  });

  it.each([
    [
      'a bad date',
      UPSERT,
      { input: { name: 'X', birthDate: '31/12/1969', source: SOURCE } },
      'BAD_USER_INPUT',
      'input.birthDate',
    ],
    ['an empty name', UPSERT, { input: { name: '  ', source: SOURCE } }, 'BAD_USER_INPUT', 'input.name'],
    ['a bad slug', UPSERT, { input: { slug: 'Not A Slug', name: 'X', source: SOURCE } }, 'BAD_USER_INPUT', 'input.slug'],
    [
      'an unknown document',
      UPSERT,
      { input: { name: 'X', source: { ...SOURCE, document: 'no-such-doc' } } },
      'NOT_FOUND',
      'input.source.document',
    ],
    [
      'an unknown work',
      `mutation($input: CreditInput!) { addCredit(input: $input) { role } }`,
      { input: { person: 'thom-russo', work: 'dangerus', role: 'MIXER', source: SOURCE } },
      'NOT_FOUND',
      'input.work',
    ],
    [
      'a year out of range',
      `mutation($input: UpsertWorkInput!) { upsertWork(input: $input) { slug } }`,
      { input: { title: 'Future', kind: 'ALBUM', year: 12345, source: SOURCE } },
      'BAD_USER_INPUT',
      'input.year',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_name, query, variables, code, field) => {
    const before = await counts();
    const response = await writer()(query, variables);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(response.errors?.[0]?.extensions)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('stores strings full of Cypher, quotes and Unicode, and a 1 MB value, verbatim', async () => {
    const hostile = [
      `Robert"); MATCH (n) DETACH DELETE n; //`,
      "O'Brien \\' \\\" ` ${x} {{y}} $slugs",
      '}] RETURN 1 UNION MATCH (p) SET p.name = "pwned" //',
      'Björk Guðmundsdóttir — 坂本龍一 — 🎸🥁 — \u0000\u200b\ufeff — ملحن',
    ];
    for (const [i, name] of hostile.entries()) {
      const response = await writer()(UPSERT, { input: { slug: `hostile-${i}`, name, source: { ...SOURCE, quote: name } } });
      expect(response.errors).toBeUndefined();
      const read = await writer()(`query($slug: String!) { person(slug: $slug) { name sources { quote } } }`, {
        slug: `hostile-${i}`,
      });
      expect(read.data).toEqual({ person: { name, sources: [{ quote: name }] } });
    }
    const big = 'é𝄞x'.repeat(Math.ceil(1_000_000 / 7)).slice(0, 1_000_000);
    const response = await writer()(`mutation($input: CreditInput!) { addCredit(input: $input) { detail } }`, {
      input: { person: 'thom-russo', work: 'bobby', role: 'COMPOSER', detail: big, source: SOURCE },
    });
    expect(response.errors).toBeUndefined();
    const read = await writer()(`{ work(slug: "bobby") { credits(roles: [COMPOSER]) { detail } } }`);
    expect((read.data.work as { credits: { detail: string }[] }).credits[0]?.detail).toBe(big);
    expect((await writer()(`{ person(slug: "thom-russo") { name } }`)).data).toEqual({ person: { name: 'Thom Russo' } });
  });

  it('imports a dataset in one go, and refuses one with a bad record late in the file, writing none of it', async () => {
    const dataset = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
    delete dataset.documents[0].path;
    const IMPORT = `mutation($d: JSON!) { importDataset(dataset: $d) { nodesCreated relationshipsCreated updated unchanged } }`;
    const again = await writer()(IMPORT, { d: dataset });
    expect(again.errors).toBeUndefined();
    expect(again.data.importDataset).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });

    dataset.people.push({ slug: 'late-newcomer', name: 'Late Newcomer', sources: [SOURCE] });
    dataset.credits.push({ person: 'late-newcomer', work: 'bobby', role: 'MIXER', sources: [SOURCE] });
    dataset.credits.push({ person: 'late-newcomer', work: 'no-such-work', role: 'MIXER', sources: [SOURCE] });
    const before = await counts();
    const refused = await writer()(IMPORT, { d: dataset });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain(`credits[${dataset.credits.length - 1}].work: unknown work "no-such-work"`);
    expect(await counts()).toEqual(before);
    expect((await writer()(`{ people(search: "late newcomer") { totalCount } }`)).data).toEqual({ people: { totalCount: 0 } });
  });
}
