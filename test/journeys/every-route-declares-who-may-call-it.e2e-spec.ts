import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AppModule } from '../../src/app.module';
import { ACCESS_METADATA } from '../../src/common/auth/authenticated.decorator';
import { loadConfig } from '../../src/config/config';
import { startTestApp, type TestApp } from '../support/test-app';

type Handler = (...args: unknown[]) => unknown;

function listRoutes(): { route: string; handler: Handler }[] {
  const controllers = AppModule.forRoot(loadConfig({}), 'postgres://unused').controllers ?? [];
  return controllers.flatMap((controller) => {
    const prefix: string = Reflect.getMetadata(PATH_METADATA, controller);
    const prototype = (controller as { prototype: Record<string, Handler> }).prototype;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => prototype[name])
      .filter((handler) => typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler))
      .map((handler) => ({
        route: `${Reflect.getMetadata(METHOD_METADATA, handler)} ${prefix}/${Reflect.getMetadata(PATH_METADATA, handler)} (${(controller as { name: string }).name}.${handler.name})`,
        handler,
      }));
  });
}

const routes = listRoutes();
const everyRoute = () => routes;

describe('every route declares who may call it', () => {
  it('finds every route it checks: 101, each counted once', () => {
    expect(everyRoute()).toHaveLength(101);
    expect(new Set(everyRoute().map((r) => r.route.split(' (')[0])).size).toBe(101);
  });

  it.each(everyRoute().map((r) => [r.route, r.handler] as const))('%s has @Authenticated or @PublicRoute', (_route, handler) => {
    expect(Reflect.getMetadata(ACCESS_METADATA, handler)).toBeDefined();
  });

  // Labels are public so that a login page can be in Khmer; they name no one.
  it('keeps the public routes to login and the token endpoint, health, docs and labels', () => {
    const publicRoutes = everyRoute()
      .filter((r) => 'public' in (Reflect.getMetadata(ACCESS_METADATA, r.handler) ?? {}))
      .map((r) => r.route.split(' (')[0]);
    expect(publicRoutes.sort()).toEqual(['0 health/live', '0 health/ready', '0 labels//', '1 auth/login', '1 auth/token'].sort());
  });
});

describe('the OpenAPI document declares the auth of every route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('marks every non-public operation as needing a bearer token', async () => {
    const spec = (await t.anonymous.get('/docs-json')).body as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const unsecured = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => !op.security?.length)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(unsecured.sort()).toEqual(['GET /api/v1/labels', 'GET /health/live', 'GET /health/ready', 'POST /api/v1/auth/login', 'POST /api/v1/auth/token']);
  });

  it('documents exactly the routes the controllers declare', async () => {
    const spec = (await t.anonymous.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(spec.paths).flatMap((operations) => Object.keys(operations));
    expect(operations).toHaveLength(routes.length);
  });
});
