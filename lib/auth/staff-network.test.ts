import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config";
import { allowsStaffAddress } from "./index";

const networks = parseEnv({ SOUDAN_TRUSTED_PROXY_HEADER: "x-forwarded-for", SOUDAN_STAFF_ALLOWED_CIDRS: "192.0.2.0/24,2001:db8:10::/48,198.51.100.7" }, { requireSecrets: false })
  .SOUDAN_STAFF_ALLOWED_CIDRS;

describe("staff networks", () => {
  it("allows every address when no networks are configured", () => {
    expect(allowsStaffAddress(undefined, "203.0.113.9")).toBe(true);
    expect(allowsStaffAddress(undefined, null)).toBe(true);
  });

  it("allows addresses inside a configured network, IPv4 and IPv6", () => {
    expect(allowsStaffAddress(networks, "192.0.2.1")).toBe(true);
    expect(allowsStaffAddress(networks, "192.0.2.255")).toBe(true);
    expect(allowsStaffAddress(networks, "198.51.100.7")).toBe(true);
    expect(allowsStaffAddress(networks, "2001:db8:10:ffff::1")).toBe(true);
    expect(allowsStaffAddress(networks, "::ffff:192.0.2.40")).toBe(true);
  });

  it("refuses addresses outside, an unknown address and anything that is not an address", () => {
    expect(allowsStaffAddress(networks, "192.0.3.1")).toBe(false);
    expect(allowsStaffAddress(networks, "198.51.100.8")).toBe(false);
    expect(allowsStaffAddress(networks, "2001:db8:11::1")).toBe(false);
    expect(allowsStaffAddress(networks, "::1")).toBe(false);
    expect(allowsStaffAddress(networks, null)).toBe(false);
    expect(allowsStaffAddress(networks, "192.0.2.1:443")).toBe(false);
    expect(allowsStaffAddress(networks, "unknown")).toBe(false);
  });
});
