import type { FastifyRequest } from 'fastify';

/**
 * What is written down once a request's unit of work has ended, outside its transaction. Declared
 * here, implemented by the audit feature (bound in app.module), so the unit of work can report
 * what it alone sees: a replayed answer, and a failure after its transaction has rolled back.
 */
export abstract class UnitOfWorkOutcomes {
  /** The answer was replayed from the first request with the same Idempotency-Key: no work ran. */
  abstract replayed(request: FastifyRequest): Promise<void>;
  /** The request failed; its transaction, if it had one, has rolled back and freed its connection. */
  abstract failed(request: FastifyRequest, error: unknown): Promise<void>;
}
