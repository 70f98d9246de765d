import type { FastifyRequest } from 'fastify';

/**
 * Where refused attempts on personal records are written down. Declared here, implemented by the
 * audit feature (bound in app.module), so the access guard can report a 403 it decides itself.
 */
export abstract class DeniedAccessLog {
  abstract denied(request: FastifyRequest, status: 403 | 404): Promise<void>;
}
