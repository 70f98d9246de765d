import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Operation {
  tags?: string[];
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; type?: string } }> }>;
}
const document = JSON.parse(readFileSync(path.join(__dirname, '../../docs/openapi.json'), 'utf8')) as {
  servers?: unknown[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(document.paths).flatMap(([route, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${route}`, operation })));

/** What code generators rely on: typed errors, honest media types, unique ids, described tags and a server. */
describe('the OpenAPI document suits client generators', () => {
  it('gives every error answer the problem+json schema, and every operation a default one', () => {
    const bare = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => status === 'default' || Number(status) >= 400)
        .filter(([, response]) => response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDetails')
        .map(([status]) => `${name} ${status}`),
    );
    expect(bare).toEqual([]);
    expect(operations.every(({ operation }) => operation.responses.default)).toBe(true);
  });

  it('declares CSV answers as text', () => {
    const csv = operations.filter(({ operation }) => operation.responses['200']?.content?.['text/csv']);
    expect(csv.length).toBeGreaterThanOrEqual(10);
    expect(csv.filter(({ operation }) => operation.responses['200'].content!['text/csv'].schema?.type !== 'string').map((o) => o.name)).toEqual([]);
  });

  it('names each operation once, describes each tag it uses, and names a server', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const described = new Set(document.tags.filter((tag) => tag.description).map((tag) => tag.name));
    expect([...new Set(operations.flatMap(({ operation }) => operation.tags ?? []))].filter((tag) => !described.has(tag))).toEqual([]);
    expect(document.servers?.length).toBeGreaterThan(0);
  });
});
