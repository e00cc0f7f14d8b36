// The operations GraphiQL opens with: one per main question the API answers. Lines stay within 80 characters, so the
// editor shows them whole at a laptop's width (tests/e2e/graphiql.test.ts reads every line's box in Chromium).
export const EXAMPLE_OPERATIONS = /* GraphQL */ `# Liner: the liner notes of every record, joined into one graph.
# Pick an operation with the run button's menu.

# Which artists worked with both Rick Rubin and Thom Russo, and on what?
query ArtistsWithBoth {
  commonCollaborators(
    of: ["rick-rubin", "thom-russo"]
    roles: [PRIMARY_ARTIST]
  ) {
    person { name }
    sharedWorks { title kind year }
  }
}

# The shortest chain of collaborations between two people,
# with the work and the roles at each step.
query ShortestChain {
  shortestPath(from: "bobby-brown", to: "johnny-cash", maxHops: 4) {
    hops
    steps { from { name } fromRoles work { title } to { name } toRoles }
  }
}

# A person's credits, and why we believe each one.
query Credits {
  person(slug: "thom-russo") {
    name
    birthDate
    birthPlace { name }
    credits(first: 10) {
      totalCount
      edges {
        node {
          role detail work { title year } sources { citations quote }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}

# Who shares the most works with Thom Russo?
query Collaborators {
  person(slug: "thom-russo") {
    collaborators(first: 5) {
      totalCount
      edges { node { name } sharedWorks { title } }
    }
  }
}

# The name at once, the collaborators (a slow relationship field) in a
# later payload: @defer. GraphiQL shows the first answer and merges the
# rest in as it arrives; curl -H 'accept: multipart/mixed' shows the parts.
query DeferredCollaborators {
  person(slug: "thom-russo") {
    name
    ... @defer(label: "collaborators") {
      collaborators(first: 5) {
        totalCount
        edges { node { name } sharedWorks { title } }
      }
    }
  }
}

# What won what, and where the article contradicts itself.
query AwardsAndConflicts {
  person(slug: "thom-russo") {
    awards { award { name } category year work { title } }
  }
  conflicts { description claims { statement source { quote citations } } }
}

# Full-text search over people, works, awards, organizations and places.
query Search {
  search(text: "man", first: 10) { kind name slug }
}
`;
