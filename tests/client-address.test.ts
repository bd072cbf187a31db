import { expect, it } from "vitest";
import { clientAddress } from "@/app/_server/client-address";

const headers = (values: Record<string, string>) => new Headers(values);

it("takes the address only from the configured header, and from a list only the entry our proxy added", () => {
  const forwarded = headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.7", "x-real-ip": "198.51.100.2" });
  expect(clientAddress(forwarded, "x-forwarded-for")).toBe("203.0.113.7");
  expect(clientAddress(forwarded, "x-real-ip")).toBe("198.51.100.2");
});

it("knows no address without a configured header, or when the header is missing", () => {
  expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.7" }), undefined)).toBeNull();
  expect(clientAddress(headers({}), "x-forwarded-for")).toBeNull();
});
