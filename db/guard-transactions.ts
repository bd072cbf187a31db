import type { Sql, TransactionSql } from "postgres";

export class TransactionConnectionLostError extends Error {
  readonly code = "CONNECTION_CLOSED";
  constructor() {
    super("the transaction's connection was lost; it was rolled back and takes no more statements");
    this.name = "TransactionConnectionLostError";
  }
}

/**
 * postgres.js 3.4.9 (porsager/postgres#1208) keeps handing a transaction's statements to its
 * connection after that connection has dropped: `begin` has already rejected, but a callback that was
 * between two statements goes on, and its next statements either crash the process from a timer
 * (`Cannot read properties of null (reading 'write')`) or, once the pool has reconnected that
 * connection, run on the new session outside any transaction. Here the transaction's handle refuses
 * every statement once its `begin` has settled, so the rest of such a callback fails instead.
 */
export function guardTransactions<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "begin") return Reflect.get(target, property, receiver);
      return (...args: unknown[]) => {
        const fn = args.pop() as (sql: TransactionSql) => unknown;
        const state = { settled: false };
        const run = (target.begin as (...a: unknown[]) => Promise<unknown>)(...args, (scope: TransactionSql) => fn(guardScope(scope, state)));
        return run.finally(() => {
          state.settled = true;
        });
      };
    },
  });
}

function guardScope(scope: TransactionSql, state: { settled: boolean }): TransactionSql {
  return new Proxy(scope, {
    apply(target, thisArg, args) {
      if (state.settled) throw new TransactionConnectionLostError();
      return Reflect.apply(target, thisArg, args);
    },
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "unsafe") {
        return (...args: unknown[]) => {
          if (state.settled) throw new TransactionConnectionLostError();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (property === "savepoint") {
        return (...args: unknown[]) => {
          if (state.settled) throw new TransactionConnectionLostError();
          const fn = args.pop() as (sql: TransactionSql) => unknown;
          return (value as (...a: unknown[]) => unknown).apply(target, [...args, (inner: TransactionSql) => fn(guardScope(inner, state))]);
        };
      }
      return value;
    },
  }) as TransactionSql;
}
