import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
export interface Document {
  paths: Record<string, Record<string, { parameters?: { name: string; schema?: Schema; example?: unknown }[]; requestBody?: { content: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** OpenAPI 3.0 schemas as JSON Schema: `nullable` becomes a null type, refs point into the document. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref') out.$ref = `doc${String(value)}`;
    else if (key === 'example' || key === 'nullable') continue;
    else out[key] = toJsonSchema(value);
  }
  if ((node as Schema).nullable) return { anyOf: [out, { type: 'null' }] };
  return out;
}

export function validatorFor(document: Document): (schema: Schema) => ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: toJsonSchema(document.components) }, 'doc');
  return (schema) => ajv.compile(toJsonSchema(schema) as Schema);
}

/** Every `example` in the document, with the schema it belongs to and where it is. */
export function explicitExamples(document: Document): { where: string; schema: Schema; example: unknown }[] {
  const found: { where: string; schema: Schema; example: unknown }[] = [];
  const walk = (schema: unknown, where: string) => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Schema;
    if ('example' in s) found.push({ where, schema: s, example: s.example });
    for (const [name, property] of Object.entries((s.properties as Record<string, unknown>) ?? {})) walk(property, `${where}.${name}`);
    if (s.items) walk(s.items, `${where}[]`);
  };
  for (const [name, schema] of Object.entries(document.components.schemas)) walk(schema, name);
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.example !== undefined && parameter.schema) found.push({ where: `${method} ${path} ?${parameter.name}`, schema: parameter.schema, example: parameter.example });
        walk(parameter.schema, `${method} ${path} ?${parameter.name}`);
      }
    }
  }
  return found;
}

/**
 * The body the Swagger UI fills in for "Try it out": each property's example, else its default,
 * else the first of its enum, else a placeholder by type and format; arrays of one, or minItems.
 */
export function sampleOf(document: Document, schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  if (typeof schema.$ref === 'string') return sampleOf(document, document.components.schemas[schema.$ref.split('/').pop()!], depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((part) => sampleOf(document, part as Schema, depth + 1)));
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties as Record<string, Schema>) ?? {};
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, sampleOf(document, property, depth + 1)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(schema.minItems ?? 1)) }, () => sampleOf(document, schema.items as Schema, depth + 1));
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 0);
    case 'boolean':
      return true;
    default:
      return ({ date: '2026-01-15', 'date-time': '2026-01-15T08:00:00.000Z', uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6', uri: 'https://example.org/x' } as Record<string, string>)[String(schema.format)] ?? 'string';
  }
}
