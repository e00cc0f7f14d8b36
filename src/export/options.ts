// What an export is asked for, from a URL's path and query or the CLI's flags, checked once with errors naming the parameter.
import { ROLES, type Role } from '../dataset/format.ts';
import { FORMAT_NAMES, type FormatName } from './formats/index.ts';

export const PROJECTIONS = ['full', 'collaboration', 'bipartite'] as const;
export type ProjectionName = (typeof PROJECTIONS)[number];

export const METRICS = ['degree', 'weightedDegree', 'pagerank', 'betweenness', 'community'] as const;
export type MetricName = (typeof METRICS)[number];

export interface ExportFilters {
  /** Only credits in these roles; undefined means every role. */
  roles?: ReadonlySet<Role> | undefined;
  /** Only works whose year is within [yearFrom, yearTo]; a work without a year is left out once either is set. */
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  /** Only what lies within `hops` hops of this person in the projected graph. */
  person?: string | undefined;
  hops: number;
}

export interface ExportOptions extends ExportFilters {
  projection: ProjectionName;
  format: FormatName;
  metrics: readonly MetricName[];
}

/** The parameters an export accepts, as named in the query string (the CLI uses the same names). */
export const EXPORT_PARAMETERS = ['metrics', 'person', 'hops', 'roles', 'yearFrom', 'yearTo'] as const;
export type RawExportOptions = Partial<Record<'projection' | 'format' | (typeof EXPORT_PARAMETERS)[number], string>>;

/** A request a client can fix: `parameter` names what was wrong; 404 for a person that does not exist. */
export class ExportRequestError extends Error {
  override name = 'ExportRequestError';
  readonly parameter: string;
  readonly status: 400 | 404;
  constructor(parameter: string, message: string, status: 400 | 404 = 400) {
    super(`${parameter}: ${message}`);
    this.parameter = parameter;
    this.status = status;
  }
}

function oneOf<T extends string>(parameter: string, value: string | undefined, allowed: readonly T[]): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  const shown = value === undefined ? 'missing' : `"${value}" is not known`;
  throw new ExportRequestError(parameter, `${shown}; use one of ${allowed.join(', ')}`);
}

/** A comma-separated list; empty items are ignored so `roles=MIXER,` is forgiven. */
function listOf<T extends string>(parameter: string, value: string | undefined, allowed: readonly T[]): T[] {
  if (value === undefined) return [];
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const item of items)
    if (!(allowed as readonly string[]).includes(item))
      throw new ExportRequestError(parameter, `"${item}" is not known; use any of ${allowed.join(', ')}`);
  return [...new Set(items)] as T[];
}

function wholeNumber(parameter: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^-?\d{1,9}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ExportRequestError(parameter, `"${value}" is not a whole number from ${min} to ${max}`);
  return n;
}

/** `maxHops` is the server's MAX_HOPS: one limit for every traversal a client can ask for. */
export function parseExportOptions(raw: RawExportOptions, maxHops: number): ExportOptions {
  const projection = oneOf('projection', raw.projection, PROJECTIONS);
  const format = oneOf('format', raw.format, FORMAT_NAMES);
  const metrics = listOf('metrics', raw.metrics, METRICS);
  const roles = listOf('roles', raw.roles, ROLES);
  const yearFrom = wholeNumber('yearFrom', raw.yearFrom, -9999, 9999);
  const yearTo = wholeNumber('yearTo', raw.yearTo, -9999, 9999);
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo)
    throw new ExportRequestError('yearFrom', `${yearFrom} is after yearTo (${yearTo})`);
  const person = raw.person?.trim() || undefined;
  const hops = wholeNumber('hops', raw.hops, 0, maxHops);
  if (hops !== undefined && person === undefined)
    throw new ExportRequestError('hops', 'needs person (the slug to count hops from)');
  return {
    projection,
    format,
    metrics,
    roles: roles.length > 0 ? new Set(roles) : undefined,
    yearFrom,
    yearTo,
    person,
    hops: hops ?? 1,
  };
}
