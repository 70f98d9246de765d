import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import { ACCESS_METADATA, AccessRule } from '../auth/authenticated.decorator';
import type { Caller } from '../auth/caller';
import { acting, inUnitOfWork, type Acting } from '../database/unit-of-work';
import { IdempotencyKeyReused, ValidationFailed } from '../errors/domain-errors';
import { etagOf } from './etag';
import { IdempotencyRecord } from './idempotency-record.entity';
import { UnitOfWorkOutcomes } from './unit-of-work-outcomes';

type AuthedRequest = FastifyRequest & { user?: Caller | null; acting?: Acting | null };

const WITHOUT_TRANSACTION = 'rcf:without-transaction';

/**
 * For read-only routes that touch no personal record and write nothing (the aggregate figures): they
 * skip BEGIN and COMMIT and read straight from the pool.
 */
export const WithoutTransaction = () => SetMetadata(WITHOUT_TRANSACTION, true);

/**
 * Every authenticated request runs in one database transaction: the work, its audit events and its
 * idempotency record commit together or not at all. A POST with an Idempotency-Key that was seen
 * before replays the first answer instead of doing the work again. Once the transaction has ended,
 * a replay or a failure is reported to the outcomes port (the audit of personal records).
 *
 * One interceptor, written as one async function: each interceptor Nest chains adds its own
 * observables and async scope to every request, which the hot paths measured.
 */
@Injectable()
export class UnitOfWorkInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
    private readonly outcomes: UnitOfWorkOutcomes,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.run(context, next));
  }

  private async run(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    try {
      const result = await this.work(context, request, reply, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
      if (reply.getHeader('Idempotent-Replayed') === 'true') await this.outcomes.replayed(request);
      return result;
    } catch (error) {
      await this.outcomes.failed(request, error);
      throw error;
    }
  }

  private async work(context: ExecutionContext, request: AuthedRequest, reply: FastifyReply, handle: () => Promise<unknown>): Promise<unknown> {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_METADATA, context.getHandler());
    const readOnly = this.reflector.get<boolean | undefined>(WITHOUT_TRANSACTION, context.getHandler());
    const caller = request.user;
    if (!rule || 'public' in rule || !caller || readOnly) return handle();
    const idempotencyKey = request.method === 'POST' ? readIdempotencyKey(request) : undefined;
    const result = await this.dataSource.transaction((manager) =>
      inUnitOfWork({ requestId: String(request.id), caller }, manager, (unit) => {
        // What @CurrentCaller() hands the route: read when Nest applies the route's parameters, after this.
        request.acting = acting(caller, unit);
        return idempotencyKey ? this.onceOnly(manager, request, reply, idempotencyKey, handle) : handle();
      }),
    );
    if (isVersioned(result)) void reply.header('ETag', etagOf(result));
    return result;
  }

  private async onceOnly(
    manager: EntityManager,
    request: AuthedRequest,
    reply: FastifyReply,
    key: string,
    work: () => Promise<unknown>,
  ): Promise<unknown> {
    const userId = request.user!.userId;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    // Serialises retries of one key, so a retry that arrives while the first is running waits for it.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${userId}:${key}`]);
    const previous = await manager.findOneBy(IdempotencyRecord, { userId, key });
    if (previous) {
      if (previous.requestHash !== requestHash) throw new IdempotencyKeyReused();
      void reply.header('Idempotent-Replayed', 'true');
      return previous.responseBody;
    }
    const result = await work();
    await manager.insert(IdempotencyRecord, {
      userId,
      key,
      requestHash,
      statusCode: reply.statusCode,
      responseBody: (result ?? null) as object,
    });
    return result;
  }
}

function readIdempotencyKey(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ValidationFailed([{ field: 'Idempotency-Key', messages: ['must be 1-200 visible ASCII characters'] }]);
  }
  return key;
}

function isVersioned(value: unknown): value is { id: string; version: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { version?: unknown }).version === 'number'
  );
}
