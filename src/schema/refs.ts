// Type references shared between type files, so types that point at each other can be defined apart.
import type {
  AffiliationRecord,
  AssociationRecord,
  AwardRecord,
  AwardWinRecord,
  BirthPlaceRecord,
  ClaimRecord,
  CollaboratorRecord,
  ConflictRecord,
  CreditRecord,
  DocumentRecord,
  IdentifierRecord,
  MembershipRecord,
  OrganizationRecord,
  PathStepRecord,
  PersonRecord,
  PlaceRecord,
  SearchHitRecord,
  SourceRecord,
  WorkLinkRecord,
  WorkRecord,
} from '../graph/store.ts';
import { builder } from './builder.ts';

export const PersonRef = builder.objectRef<PersonRecord>('Person');
export const WorkRef = builder.objectRef<WorkRecord>('Work');
export const PlaceRef = builder.objectRef<PlaceRecord>('Place');
export const OrganizationRef = builder.objectRef<OrganizationRecord>('Organization');
export const AwardRef = builder.objectRef<AwardRecord>('Award');
export const AwardWinRef = builder.objectRef<AwardWinRecord>('AwardWin');
export const ConflictRef = builder.objectRef<ConflictRecord>('Conflict');
export const ClaimRef = builder.objectRef<ClaimRecord>('Claim');
export const SourceRef = builder.objectRef<SourceRecord>('Source');
export const CreditRef = builder.objectRef<CreditRecord>('Credit');
export const CommonCollaboratorRef = builder.objectRef<CollaboratorRecord>('CommonCollaborator');
export const PathRef = builder.objectRef<{ steps: PathStepRecord[] }>('Path');
export const PathStepRef = builder.objectRef<PathStepRecord>('PathStep');
export const SearchHitRef = builder.objectRef<SearchHitRecord>('SearchHit');
export const WorkLinkRef = builder.objectRef<WorkLinkRecord>('WorkLink');
export const BirthRef = builder.objectRef<BirthPlaceRecord & { date: string | null }>('Birth');
export const AffiliationRef = builder.objectRef<AffiliationRecord>('Affiliation');
export const AssociationRef = builder.objectRef<AssociationRecord>('Association');
export const IdentifierRef = builder.objectRef<IdentifierRecord>('Identifier');
export const MembershipRef = builder.objectRef<MembershipRecord>('Membership');
export const DocumentRef = builder.objectRef<DocumentRecord>('Document');
