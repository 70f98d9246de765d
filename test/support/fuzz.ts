/** A small schema-driven request generator for the fuzz journey: valid bodies from the OpenAPI document, then one field at a time made bad. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  additionalProperties?: unknown;
  allOf?: Schema[];
}

export interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

/** The bad values every field is tried with, as an attacker would. */
export const BAD_VALUES: [string, unknown][] = [
  ['null', null],
  ['a NUL character', 'x\u0000y'],
  ['a lone surrogate', 'x\ud800'],
  ['a control character', 'x\u001by'],
  ['JSON nested 40 deep', nest(40)],
  ['a number', 12345],
  ['a negative number', -1],
  ['a huge number', 1e308],
  ['true', true],
  ['an empty array', []],
  ['an empty object', {}],
  ['a long text', 'A'.repeat(20_000)],
  ['the year 0', '0000-01-01'],
  ['an impossible date', '2024-02-30'],
  ['a date in 2100', '2100-01-01'],
  ['a non-uuid', 'not-a-uuid'],
];

/** The bad values every query parameter is tried with. */
export const BAD_QUERY_VALUES: [string, string][] = [
  ['a NUL character', '%00'],
  ['a lone surrogate', '%ED%A0%80'],
  ['a long text', 'A'.repeat(3000)],
  ['the year 0', '0000-01-01'],
  ['an impossible date', '2024-02-30'],
  ['an impossible instant', '2024-02-30T00:00:00Z'],
  ['a negative number', '-1'],
  ['a huge number', '99999999999999999999'],
  ['an array', 'a&x=b'],
  ['a forged cursor', 'eyJpZCI6IngifQ.AAAA'],
  ['brackets', '[object Object]'],
];

export function nest(levels: number): unknown {
  let value: unknown = 'end';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

export function resolve(spec: OpenApi, schema: Schema): Schema {
  if (schema.$ref) return resolve(spec, spec.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length) return schema.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(spec, part), properties: { ...merged.properties, ...resolve(spec, part).properties } }), {});
  return schema;
}

/** A value the schema accepts, using real ids for fields that name a record. */
export function validValue(spec: OpenApi, raw: Schema, name: string, ids: (name: string) => string, depth = 0): unknown {
  const schema = resolve(spec, raw);
  if (schema.example !== undefined && schema.format !== 'uuid' && !schema.enum) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type ?? 'object') {
    case 'string':
      if (schema.format === 'uuid') return ids(name);
      if (schema.format === 'date') return '2026-01-01';
      if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
      return 'a valid text value for the fuzzer'.slice(0, Math.max(schema.minLength ?? 0, 20));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => validValue(spec, schema.items ?? { type: 'string' }, name, ids, depth + 1));
    default:
      if (depth > 4) return {};
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validValue(spec, property, key, ids, depth + 1)]));
  }
}
