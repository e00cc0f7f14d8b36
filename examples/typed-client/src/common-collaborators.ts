// The people who worked with every one of the given people, and the works that show it, with full types.
import { type ClientOptions, query } from './client';
import { graphql } from './gql';

export const CommonCollaboratorsQuery = graphql(`
  query CommonCollaborators($of: [String!]!, $roles: [Role!]) {
    commonCollaborators(of: $of, roles: $roles) {
      person {
        slug
        name
      }
      sharedWorks {
        slug
        title
        year
        kind
      }
    }
  }
`);

/** "Name (n shared works: Title (year), …)" for each common collaborator of `slugs`. */
export async function describeCommonCollaborators(options: ClientOptions, slugs: string[]): Promise<string[]> {
  const { commonCollaborators } = await query(options, CommonCollaboratorsQuery, { of: slugs });
  return commonCollaborators.map(({ person, sharedWorks }) => {
    // person.name: string, work.year: number | null | undefined, work.kind: a WorkKind string union: all from the schema.
    const works = sharedWorks.map((work) => (work.year == null ? work.title : `${work.title} (${work.year})`));
    const plural = sharedWorks.length === 1 ? 'work' : 'works';
    return `${person.name} (${sharedWorks.length} shared ${plural}: ${works.join(', ')})`;
  });
}
