// The export formats by name: how each is written, its download file name and its content type.
import type { ExportGraph } from '../model.ts';
import { writeCsvNodes, writeCsvRelationships } from './csv.ts';
import { writeCytoscape } from './cytoscape.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeNodeLink } from './node-link.ts';

export interface Format {
  /** Appended to the download's base name, e.g. `.gexf` or `-nodes.csv`. */
  suffix: string;
  contentType: string;
  write(graph: ExportGraph): AsyncIterable<string>;
}

// GraphML and GEXF have no registered media type; these are the names the tools that read them use.
export const FORMATS = {
  graphml: { suffix: '.graphml', contentType: 'application/graphml+xml; charset=utf-8', write: writeGraphml },
  gexf: { suffix: '.gexf', contentType: 'application/gexf+xml; charset=utf-8', write: writeGexf },
  cyjs: { suffix: '.cyjs', contentType: 'application/json; charset=utf-8', write: writeCytoscape },
  json: { suffix: '.json', contentType: 'application/json; charset=utf-8', write: writeNodeLink },
  'csv-nodes': { suffix: '-nodes.csv', contentType: 'text/csv; charset=utf-8; header=present', write: writeCsvNodes },
  'csv-relationships': {
    suffix: '-relationships.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    write: writeCsvRelationships,
  },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
