import { readFileSync } from 'node:fs';
import path from 'node:path';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { AppModule } from '../../src/app.module';
import { createValidationPipe } from '../../src/common/http/validation.pipe';
import { loadConfig } from '../../src/config/config';
import { explicitExamples, sampleOf, validatorFor, type Document } from './openapi-examples';

const document = JSON.parse(readFileSync(path.join(__dirname, '../../docs/openapi.json'), 'utf8')) as Document;
const compile = validatorFor(document);

/** Integrators copy the document's examples, and the Swagger UI's "Try it out" sends them: each must be one the API takes. */
describe('the OpenAPI document’s examples', () => {
  it('are each valid against the schema they illustrate', () => {
    const invalid = explicitExamples(document)
      .map(({ where, schema, example }) => {
        const validate = compile(schema);
        return validate(example) ? null : `${where}: ${JSON.stringify(example)} ${JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`))}`;
      })
      .filter(Boolean);
    expect(invalid).toEqual([]);
  });

  it('make request bodies, as the Swagger UI fills them in, that are valid against their schemas', () => {
    const invalid: string[] = [];
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        const body = sampleOf(document, schema);
        const validate = compile(schema);
        if (!validate(body)) invalid.push(`${method.toUpperCase()} ${route}: ${JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`))}`);
      }
    }
    expect(invalid).toEqual([]);
  });
});

/** Each route's body class, found as Nest finds it: the parameter marked @Body and its declared type. */
function bodyRoutes(): { route: string; metatype: unknown }[] {
  const controllers = AppModule.forRoot(loadConfig({}), 'postgres://unused').controllers ?? [];
  return controllers.flatMap((controller) => {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = (controller as { prototype: Record<string, unknown> }).prototype;
    return Object.getOwnPropertyNames(prototype).flatMap((name) => {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler)) return [];
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
      const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(RouteParamtypes.BODY));
      if (!body) return [];
      const method = ['get', 'post', 'put', 'delete', 'patch'][Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = `/api/v1/${prefix}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`.replace(/\/+$/, '').replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
      const metatype = (Reflect.getMetadata('design:paramtypes', prototype, name) as unknown[])[body[1].index];
      return [{ route: `${method} ${path}`, metatype }];
    });
  });
}

describe('the Swagger UI’s sample bodies', () => {
  it('pass the API’s own validation, route by route', async () => {
    const pipe = createValidationPipe();
    const routes = bodyRoutes();
    expect(routes.length).toBeGreaterThan(40);
    const refused: string[] = [];
    for (const { route, metatype } of routes) {
      const [method, path] = route.split(' ');
      const schema = document.paths[path]?.[method]?.requestBody?.content['application/json']?.schema;
      if (!schema) continue;
      try {
        await pipe.transform(sampleOf(document, schema), { type: 'body', metatype: metatype as never });
      } catch (error) {
        refused.push(`${route}: ${JSON.stringify((error as { extra?: unknown }).extra)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
