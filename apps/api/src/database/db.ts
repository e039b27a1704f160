import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';
import type { PoolClient } from 'pg';
import { sql } from './sql';

/**
 * The one way repositories run SQL: `?` placeholders, and a JS array binds as
 * one array parameter (for `unnest(?::text[])` bulk statements). Each
 * repository declares its row type beside its query and maps it to the
 * @app/contracts view where one exists.
 */
export abstract class Queries {
  protected abstract get knex(): Knex | Knex.Transaction;

  /** Every row of the result. */
  async many<Row>(text: string, bindings: readonly unknown[] = []): Promise<Row[]> {
    return (await sql<Row>(this.knex, text, bindings)).rows;
  }

  /** The first row of the result, or null when there is none. */
  async one<Row>(text: string, bindings: readonly unknown[] = []): Promise<Row | null> {
    return (await sql<Row>(this.knex, text, bindings)).rows[0] ?? null;
  }

  /** Runs a statement; returns the number of rows it affected. */
  async execute(text: string, bindings: readonly unknown[] = []): Promise<number> {
    return (await sql(this.knex, text, bindings)).rowCount;
  }
}

/** A transaction: the same queries, committed together when the work resolves. */
export class Tx extends Queries {
  constructor(private readonly trx: Knex.Transaction) {
    super();
  }

  protected get knex(): Knex.Transaction {
    return this.trx;
  }

  /** The transaction's own connection, for what knex cannot express (COPY … FROM STDIN). */
  async connection(): Promise<PoolClient> {
    // A transaction's client hands out the connection the transaction runs on.
    return (this.trx.client as { acquireConnection(): Promise<PoolClient> }).acquireConnection();
  }
}

/** Queries outside a transaction, and transactions. */
@Injectable()
export class Db extends Queries {
  constructor(private readonly em: EntityManager) {
    super();
  }

  protected get knex(): Knex {
    return this.em.getKnex();
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.knex.transaction((trx) => work(new Tx(trx)));
  }
}

/** A clause and its bindings, for filters built from optional parts. */
export type Clause = readonly [text: string, ...bindings: unknown[]];

/** `where a and b …` from the clauses given (falsy ones are skipped), with their bindings in order. */
export function where(...clauses: (Clause | false | null | undefined)[]): { text: string; bindings: unknown[] } {
  const used = clauses.filter((c): c is Clause => !!c);
  if (used.length === 0) return { text: '', bindings: [] };
  return { text: `where ${used.map(([text]) => `(${text})`).join(' and ')}`, bindings: used.flatMap(([, ...b]) => b) };
}
