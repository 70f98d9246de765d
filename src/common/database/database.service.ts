import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { currentContext, inUnitOfWork } from './request-context';

/**
 * The one way services reach the database. Inside a request the unit-of-work interceptor has opened
 * a transaction and `manager` is that transaction's, so the work, its audit events and its
 * idempotency record commit or roll back together.
 */
@Injectable()
export class Database {
  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    const manager = currentContext()?.manager;
    if (!manager) throw new Error('No transaction is open: wrap the work in Database.transaction()');
    return manager;
  }

  /** Runs `work` in a transaction, reusing the current one when there is one. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const context = currentContext();
    if (context?.manager) return work(context.manager);
    return this.dataSource.transaction((manager) => inUnitOfWork(context ?? { requestId: 'script' }, manager, () => work(manager)));
  }
}
