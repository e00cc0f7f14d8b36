// The schema: every type file registers itself on the builder; this file only gathers them.
import './types/enums.ts';
import './types/source.ts';
import './types/document.ts';
import './types/person.ts';
import './types/work.ts';
import './types/credit.ts';
import './types/credit-stats.ts';
import './types/award.ts';
import './types/place.ts';
import './types/conflict.ts';
import './types/identifier.ts';
import './types/search-hit.ts';
import './types/collaboration.ts';
import './types/dataset-import.ts';
import './types/identity.ts';
import { builder } from './builder.ts';

builder.queryType({ authScopes: { reader: true } });
builder.mutationType({ authScopes: { writer: true } });

export const schema = builder.toSchema({ sortSchema: false });
