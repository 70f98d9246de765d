import { Injectable } from '@nestjs/common';
import { Query, type Pool, type PoolClient, type QueryArrayConfig } from 'pg';
import { DataSource } from 'typeorm';
import { inUnitOfWork, type UnitOfWork } from './unit-of-work';

/**
 * A query whose rows go to its 'row' listeners only. pg keeps every row as well whenever the query
 * has a callback, and it always has one: ours, and with `query_timeout` the timer's.
 */
class StreamedQuery extends Query<unknown[]> {
  handleRowDescription(message: unknown): void {
    (Query.prototype as unknown as { handleRowDescription(message: unknown): void }).handleRowDescription.call(this, message);
    (this as unknown as { _accumulateRows: boolean })._accumulateRows = false;
  }
}

/**
 * The database outside a unit of work: pooled reads, and transactions of its own for work that no
 * request carries. Inside a request the unit-of-work interceptor has opened the transaction, and
 * services reach it through the `Acting` caller they are given (`caller.work.manager`), so the work,
 * its audit events and its idempotency record commit or roll back together.
 */
@Injectable()
export class Database {
  constructor(readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction of its own (outside a request: a script, the webhook dispatcher, a login). */
  async transaction<T>(work: (unit: UnitOfWork) => Promise<T>, requestId = 'script'): Promise<T> {
    return this.dataSource.transaction((manager) => inUnitOfWork({ requestId }, manager, work));
  }

  /**
   * One read on a pooled connection, outside any transaction, straight through pg: for the check
   * every request makes before its unit of work (the token's user), where TypeORM's query runner
   * (created, connected, broadcast to, released) cost more than the query.
   */
  async readRows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query<T & object>(sql, [...params]);
    return result.rows;
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  /**
   * Runs a read on a pooled connection, outside any transaction, and hands each row to `onRow` as an
   * array as it arrives: for answers of thousands of rows, which are folded into typed arrays
   * instead of being held as objects (the figures).
   */
  async eachRow(sql: string, params: readonly unknown[], onRow: (row: unknown[]) => void): Promise<void> {
    const client: PoolClient = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const config: QueryArrayConfig = { text: sql, values: [...params], rowMode: 'array' };
        const query = new StreamedQuery(config);
        query.on('row', (row: unknown[]) => {
          if (failure !== undefined) return;
          try {
            onRow(row);
          } catch (error) {
            failure = error instanceof Error ? error : new Error(String(error));
          }
        });
        // The outcome through a callback: a query with one emits no 'error' (and pg's read timeout
        // reports through it too), so listening for events alone would wait forever on a failure.
        const done = (error: Error | undefined) => (error ? reject(error) : failure === undefined ? resolve() : reject(failure));
        (client.query as unknown as (query: StreamedQuery, callback: (error: Error | undefined) => void) => void).call(client, query, done);
      });
      client.release();
    } catch (error) {
      // A connection that failed mid-read is not given back: the pool opens a fresh one.
      client.release(failure === undefined ? (error as Error) : undefined);
      throw error;
    }
  }
}
