import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { useCsvBodies, useFormBodies, useStrictJsonBodies } from './common/http/json-body';
import { applyContractConventions } from './common/http/openapi-conventions';
import { frameworkErrorAsProblem, problemDetails } from './common/http/problem-details.filter';
import { Lifecycle } from './common/http/lifecycle';
import { useSignedCursors } from './common/http/pagination';
import { serveDashboard } from './dashboard/dashboard-assets';
import { securityHeaders } from './common/http/security-headers';

export const API_PREFIX = 'api/v1';

/**
 * Security headers on every answer. The Content-Security-Policy lets the Swagger UI (and pages the
 * app serves) load only what the app itself serves: its scripts are files, its styles partly inline.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' as const },
  frameguard: { action: 'deny' as const },
  crossOriginEmbedderPolicy: false,
  // Served over plain HTTP inside ministry networks too: no HSTS from the app (the TLS proxy sets it).
  hsts: false,
};

/** Builds the API (not yet listening): used by main.ts, the tests and the OpenAPI export. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: false,
    // Longer ids reach the routes, which answer 404 problem+json; longer still is 414 problem+json.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: frameworkErrorAsProblem,
    // A request, its body included, arrives within this (a body trickled a byte at a time does not
    // hold a socket); Node checks every second rather than every 30.
    serverFactory: (handler: RequestListener) =>
      createServer({ requestTimeout: config.requestTimeoutSeconds * 1000, headersTimeout: Math.min(60_000, config.requestTimeoutSeconds * 1000), connectionsCheckingInterval: 1000 }, handler),
    // While stopping, our own hook answers problem+json 503 (Fastify's would not be problem+json).
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    // Warnings and errors only: Nest's own start-up lines (one per route, ~90) would bury the summary main.ts prints.
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Declared up front, so every request object has one shape: set later, on some requests only, they
  // would make the code that reads requests polymorphic (the guard sets `user`, the unit of work `acting`).
  fastify.decorateRequest('user', null);
  fastify.decorateRequest('acting', null);
  // JSON only: a text/plain body would otherwise reach validation as a string.
  fastify.removeContentTypeParser(['text/plain']);
  useStrictJsonBodies(fastify, config.bodyLimitBytes);
  useCsvBodies(fastify);
  useFormBodies(fastify);
  useSignedCursors(config.jwtSecret);
  const lifecycle = app.get(Lifecycle);
  // Hooks take a callback rather than return a promise: they run on every request, and a promise each costs.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // While stopping, each answer closes its connection, so no idle keep-alive socket holds the shutdown.
    if (lifecycle.stopping) void reply.header('Connection', 'close');
    // A record created at a collection's root answers where it now lives.
    if (reply.statusCode === 201 && typeof payload === 'string') {
      const path = request.url.split('?')[0];
      if (/^\/api\/v1\/[a-z-]+$/.test(path)) {
        const id = /^\s*\{/.test(payload) ? ((JSON.parse(payload) as { id?: unknown }).id ?? null) : null;
        if (typeof id === 'string') void reply.header('Location', `${path}/${id}`);
      }
    }
    done(null, payload);
  });
  const headers = securityHeaders(SECURITY_HEADERS);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers);
    void reply.header('X-Request-Id', request.id);
    if (lifecycle.stopping) {
      const problem = { ...problemDetails(503, 'SHUTTING_DOWN', 'The server is stopping: send the request again, another instance will answer.'), instance: request.url.split('?')[0], requestId: String(request.id) };
      void reply.status(503).header('Connection', 'close').header('Retry-After', '1').header('content-type', 'application/problem+json; charset=utf-8').send(problem);
      return;
    }
    // Answers of the API name children, users and tokens: no cache, shared or private, keeps them.
    if (request.url.startsWith(`/${API_PREFIX}/`)) void reply.header('Cache-Control', 'no-store');
    done();
  });
  if (config.logRequests) {
    // The path only: query strings may carry search text, and bodies personal data.
    fastify.addHook('onResponse', (request, reply, done) => {
      const path = request.url.split('?')[0];
      // One write of a finished line: console.log's formatting cost 3% of a request's CPU.
      process.stdout.write(`${request.method} ${path} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms id=${request.id}\n`);
      done();
    });
  }
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  serveDashboard(fastify);
  await app.init();
  await fastify.ready();
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('RCF registry and alternative-care transition tracker')
    .setDescription(
      'The registry of residential care facilities, their MoUs with MoSVY and their inspections, and the tracker of every ' +
        'child from the gatekeeping decision to a closed, monitored case. Errors are RFC 9457 `application/problem+json` ' +
        'with a stable `code`. Writes accept `Idempotency-Key`; GET of a record answers an `ETag`, and PATCH and actions ' +
        'honour `If-Match`. Out-of-scope records answer 404.',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    // The Swagger UI's Authorize dialog signs in through these: a username and password, or an API client's id and secret.
    .addOAuth2({
      type: 'oauth2',
      description: 'POST /api/v1/auth/token: the password grant for people, the client-credentials grant for API clients.',
      flows: { password: { tokenUrl: `/${API_PREFIX}/auth/token`, scopes: {} }, clientCredentials: { tokenUrl: `/${API_PREFIX}/auth/token`, scopes: {} } },
    });
  for (const [name, description] of TAGS) config.addTag(name, description);
  return applyContractConventions(SwaggerModule.createDocument(app, config.build(), { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` }));
}

/** What each group of operations is for, as the document's tags describe it. */
const TAGS: [string, string][] = [
  ['auth', 'Log in and out (a password, or an API client’s credentials at the OAuth 2 token endpoint), and who the token belongs to.'],
  ['api-clients', 'Accounts of systems (an NGO’s case system, an OpenFn job) that sign in with the client-credentials grant.'],
  ['agencies', 'Government offices, NGOs, faith-based and private operators.'],
  ['users', 'Accounts, their roles and their scope (agency, provinces).'],
  ['provinces', 'The 25 provinces and the official gazetteer of districts, communes and villages.'],
  ['facilities', 'The registry of residential care facilities: registration, status, imports.'],
  ['mous', 'MoUs between facilities and MoSVY: draft, activation, renewal, termination.'],
  ['inspections', 'Inspections with the 15-area checklist, drafts, approval by a second inspector, corrective actions.'],
  ['children', 'Children, found by name or id, and possible duplicates.'],
  ['care-episodes', 'A child’s case from referral and gatekeeping to a closed, monitored case: steps, reviews, visits, handovers.'],
  ['worklist', 'What each worker should act on, soonest first.'],
  ['webhooks', 'Subscriptions that push each change to a system’s URL, signed (Standard Webhooks), retried, with a deliveries log.'],
  ['changes', 'The change feed: what changed, in commit order, for systems that sync (resume from the stored cursor).'],
  ['figures', 'Aggregates for planners, every count of children protected by disclosure control; series, indicators, populations.'],
  ['labels', 'Every label in English and Khmer.'],
  ['audit', 'The append-only audit log and the check of its hash chain.'],
  ['health', 'Liveness and readiness for load balancers and supervisors.'],
];

