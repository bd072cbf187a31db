import { expect, it } from "vitest";
import { describeError } from "./describe-error";

it("keeps the driver's message and drops the wrapping query with its parameters", () => {
  const driver = new Error('new row for relation "x" violates check constraint "c"');
  const wrapped = new Error('Failed query: insert into x values ($1)\nparams: 相談者の本文', { cause: driver });
  expect(describeError(wrapped)).toBe('Error: new row for relation "x" violates check constraint "c"');
  expect(describeError(new Error("Failed query: select $1\nparams: secret"))).toBe("Error: query failed");
  expect(describeError("plain")).toBe("Error: plain");
  expect(describeError(new Error("x".repeat(1000)))).toHaveLength(300);
});
