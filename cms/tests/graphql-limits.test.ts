import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphql } from './strapi';
import { GRAPHQL_LIMITS, graphqlLimitRules, paginationCostRule } from '../src/graphql/limits';

const noStackTrace = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace|\bat .*\.js:\d+|node_modules/i);
};

describe('GraphQL limits for partners', () => {
  it('refuses a 16-level query with a clear error', async () => {
    // module → jobSheets → modules → jobSheets … sixteen levels deep.
    let selection = 'documentId';
    for (let level = 0; level < 15; level++)
      selection = `${level % 2 === 0 ? 'jobSheets' : 'modules'} { ${selection} }`;
    const result = await graphql(`{ modules { ${selection} } }`);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/exceeds maximum operation depth of 10/);
    noStackTrace(result.body);
  });

  it('accepts a query within the depth limit', async () => {
    const result = await graphql(`
      {
        modules(pagination: { limit: 2 }) {
          jobSheets {
            modules {
              jobSheets {
                title
              }
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data.modules).toHaveLength(2);
  });

  it('refuses 200 aliases', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: modules { title }`).join('\n');
    const result = await graphql(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded`));
    noStackTrace(result.body);
  });

  it('refuses a query whose cost is too high', async () => {
    // Within the depth and alias limits, but wide at every level.
    const fields = 'documentId title slug summary locale createdAt updatedAt publishedAt';
    let selection = fields;
    for (let level = 0; level < 7; level++)
      selection = `${fields} ${level % 2 === 0 ? 'jobSheets' : 'modules'} { ${selection} }`;
    const wide = Array.from({ length: 20 }, (_, i) => `m${i}: modules { ${selection} }`).join('\n');
    const result = await graphql(`{ ${wide} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.map((e) => e.message).join(' ')).toMatch(/Query Cost limit of \d+ exceeded/);
    noStackTrace(result.body);
  });

  it('counts lists by their page size: 26 aliases of nested relations are refused before anything runs', async () => {
    // Sent with an invalid variable: were the limit to let it through, the variable would stop it
    // before execution, and the test would fail on the message.
    const nested = 'relatedJobs { relatedJobs { relatedJobs { title } } }';
    const aliases = Array.from(
      { length: 26 },
      (_, i) => `a${i}: jobSheets(pagination: { start: $start }) { ${nested} }`,
    ).join('\n');
    const result = await graphql(`query($start: Int) { ${aliases} }`, { start: 'not a number' });
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].message).toMatch(
      new RegExp(
        `Query Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded, found \\d+: every list counts at its page size \\(pagination limit or pageSize, 25 by default, 100 at most\\)`,
      ),
    );
    noStackTrace(result.body);

    // Connections count their nodes by their pagination too, and a variable page size at its worst (100).
    const connections = await graphql(
      `
        query ($start: Int, $limit: Int) {
          modules_connection(pagination: { limit: $limit }) {
            nodes {
              jobSheets_connection(pagination: { limit: 100, start: $start }) {
                nodes {
                  modules {
                    title
                  }
                }
              }
            }
          }
        }
      `,
      { start: 'not a number', limit: 100 },
    );
    expect(connections.status).toBe(400);
    expect(connections.errors?.[0]?.message).toMatch(/Query Cost limit of \d+ exceeded/);
  });

  it('accepts the same nesting with small pages', async () => {
    const result = await graphql(`
      {
        jobSheets(pagination: { limit: 5 }) {
          relatedJobs(pagination: { limit: 5 }) {
            relatedJobs(pagination: { limit: 5 }) {
              title
            }
          }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data.jobSheets).toHaveLength(5);
  });

  it('lets every query of the site through its limits', () => {
    // The site's documents as they are (fragments included), validated like the CMS validates a request.
    const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
    const directory = new URL('../../web/app/graphql/', import.meta.url);
    const files = readdirSync(directory).filter((name) => name.endsWith('.graphql'));
    const document = parse(files.map((name) => readFileSync(new URL(name, directory), 'utf8')).join('\n'));
    const operations = document.definitions.filter((d) => d.kind === 'OperationDefinition');
    expect(operations.length).toBeGreaterThan(10);
    expect(validate(schema, document, [...specifiedRules, ...graphqlLimitRules()]).map((e) => e.message)).toEqual([]);
    // Not vacuous: the same documents against a budget of 1000 values are refused (the module list asks for 100 modules with their lists).
    expect(validate(schema, document, [paginationCostRule(1000)]).length).toBeGreaterThan(0);
  });

  it('serves 25 entries by default and at most 100 even when asked for 10000', async () => {
    const byDefault = await graphql(`
      {
        organisations_connection {
          pageInfo {
            pageSize
            total
          }
          nodes {
            documentId
          }
        }
      }
    `);
    expect(byDefault.data.organisations_connection.pageInfo.pageSize).toBe(25);
    expect(byDefault.data.organisations_connection.nodes).toHaveLength(25);
    const huge = await graphql(`
      {
        organisations_connection(pagination: { limit: 10000 }) {
          pageInfo {
            pageSize
          }
          nodes {
            documentId
          }
        }
        competences(locale: "fr", pagination: { limit: 10000 }) {
          code
        }
      }
    `);
    expect(huge.errors).toBeUndefined();
    expect(huge.data.organisations_connection.pageInfo.pageSize).toBe(100);
    expect(huge.data.organisations_connection.nodes.length).toBeLessThanOrEqual(100);
    expect(huge.data.competences).toHaveLength(21);
  });

  it('answers a malformed query and an unknown field with a clear error and no stack trace', async () => {
    for (const query of [
      '{ modules { title ',
      '{ modules { nope } }',
      '{ modules(pagination: { limit: "many" }) { title } }',
    ]) {
      const result = await graphql(query);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.message.length).toBeGreaterThan(5);
      noStackTrace(result.body);
    }
  });
});
