import { openCliDatabase } from "./cli-database";

const { database } = await openCliDatabase("npm run db:migrate");
await database.close();
console.log(`Migrations applied (${database.kind}).`);
