export type { Db, DbOrTx, Tx } from "./client";
