import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AuthError, createStaff, roleSchema } from "@/lib/auth";
import { openCliDatabase } from "./cli-database";

const usage = "usage: npm run staff:create -- --login-id ID --name NAME [--role admin|supervisor|counselor|city] [--qualification Q ...]";
const { values } = parseArgs({
  options: {
    "login-id": { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "admin" },
    qualification: { type: "string", multiple: true, default: [] },
  },
});
if (!values["login-id"] || !values.name) {
  console.error(usage);
  process.exit(2);
}

// A password from the environment keeps it out of the shell history; otherwise one is generated and shown once.
const password = process.env.SOUDAN_NEW_PASSWORD || randomBytes(12).toString("base64url");
const { database } = await openCliDatabase("npm run staff:create");
try {
  await createStaff(
    database.db,
    { loginId: values["login-id"], displayName: values.name, role: roleSchema.parse(values.role), qualifications: values.qualification as never, password },
    null,
  );
  console.log(`Created ${values.role} "${values["login-id"]}".`);
  if (!process.env.SOUDAN_NEW_PASSWORD) console.log(`Initial password (shown once): ${password}`);
  console.log("The second factor is enrolled at the first sign-in.");
} catch (error) {
  if (error instanceof AuthError) console.error(`Not created: ${error.code}`);
  else if (error instanceof ZodError) console.error(`Not created: ${error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  else throw error;
  process.exitCode = 1;
} finally {
  await database.close();
}
