// Identifier: a node's key in another catalogue (MusicBrainz, Discogs, Wikidata, ISRC…), and the lookup by one.

import { GraphQLError } from 'graphql';
import { IDENTIFIER_SCHEMES, type IdentifierScheme } from '../../dataset/format.ts';
import { builder } from '../builder.ts';
import { badInput } from '../errors.ts';
import { AwardRef, IdentifierRef, OrganizationRef, PersonRef, PlaceRef, WorkRef } from '../refs.ts';
import { IdentifierSchemeEnum } from './enums.ts';

builder.objectType(IdentifierRef, {
  description: "A node's identifier in another catalogue; one identifier names one node.",
  fields: (t) => ({
    scheme: t.field({ type: IdentifierSchemeEnum, resolve: (i) => i.scheme }),
    value: t.exposeString('value'),
    url: t.exposeString('url', { nullable: true, description: "The identifier's page, where the scheme has one." }),
  }),
});

const typeOf = { Person: PersonRef, Work: WorkRef, Place: PlaceRef, Organization: OrganizationRef, Award: AwardRef };

builder.queryField('byIdentifier', (t) =>
  t.node({
    description: 'The node an identifier names: `byIdentifier(scheme: MUSICBRAINZ, value: "<mbid>")`. NOT_FOUND if none.',
    args: { scheme: t.arg({ type: IdentifierSchemeEnum, required: true }), value: t.arg.string({ required: true }) },
    id: async (_root, { scheme, value }, ctx) => {
      const trimmed = value.trim();
      if (!IDENTIFIER_SCHEMES[scheme as IdentifierScheme].test(trimmed))
        throw badInput(`"${value}" is not a ${scheme} identifier.`, 'value');
      const found = await ctx.store.nodeByIdentifier(scheme as IdentifierScheme, trimmed);
      if (!found)
        throw new GraphQLError(`No node has the ${scheme} identifier "${trimmed}".`, {
          extensions: { code: 'NOT_FOUND', argument: 'value' },
        });
      return { id: found.slug, type: typeOf[found.label] };
    },
  }),
);
