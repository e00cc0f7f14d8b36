// The enums of the API, from the dataset format's own lists so the two never drift.
import {
  AFFILIATION_TYPES,
  ASSOCIATION_TYPES,
  DOCUMENT_KINDS,
  IDENTIFIER_SCHEME_NAMES,
  ORGANIZATION_KINDS,
  PERSON_KINDS,
  ROLE_DESCRIPTIONS,
  WORK_KINDS,
  WORK_LINK_TYPES,
} from '../../dataset/format.ts';
import { SEARCHABLE_LABELS } from '../../graph/search.ts';
import { builder } from '../builder.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'What a person did on a work. A performing artist is a PRIMARY_ARTIST credit too.',
  values: Object.fromEntries(Object.entries(ROLE_DESCRIPTIONS).map(([role, description]) => [role, { description }])) as {
    [R in keyof typeof ROLE_DESCRIPTIONS]: { description: string };
  },
});
export const PersonKindEnum = builder.enumType('PersonKind', {
  description: 'What kind of artist: a person, or a group (orchestras and choirs are groups too).',
  values: PERSON_KINDS,
});
export const IdentifierSchemeEnum = builder.enumType('IdentifierScheme', {
  description: 'The catalogue an identifier belongs to. MusicBrainz ids (MBIDs) are unique across entity types.',
  values: IDENTIFIER_SCHEME_NAMES,
});
export const WorkKindEnum = builder.enumType('WorkKind', { values: WORK_KINDS });
export const OrganizationKindEnum = builder.enumType('OrganizationKind', { values: ORGANIZATION_KINDS });
export const AffiliationTypeEnum = builder.enumType('AffiliationType', { values: AFFILIATION_TYPES });
export const AssociationTypeEnum = builder.enumType('AssociationType', { values: ASSOCIATION_TYPES });
export const WorkLinkTypeEnum = builder.enumType('WorkLinkType', { values: WORK_LINK_TYPES });
export const DirectionEnum = builder.enumType('Direction', { values: ['OUT', 'IN'] as const });
export const SearchHitKindEnum = builder.enumType('SearchHitKind', {
  values: SEARCHABLE_LABELS.map((l) => l.toUpperCase()),
});
export const DocumentKindEnum = builder.enumType('DocumentKind', {
  description: "What a source is: the article, a catalogue's page, the editors' inference, liner notes…",
  values: DOCUMENT_KINDS,
});
