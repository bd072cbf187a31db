import { allowsStaffAddress } from "@/lib/auth";
import { getConfig } from "@/lib/config";
import { clientAddress } from "./client-address";

/**
 * Whether this request comes from a network staff may work from (SOUDAN_STAFF_ALLOWED_CIDRS, R14), by
 * the address the trusted proxy's header gives. The guard asks it for every page, route handler and
 * server action; the sign-in page and next-auth's routes ask it too.
 */
export function isStaffNetwork(headers: { get(name: string): string | null }): boolean {
  const config = getConfig();
  return allowsStaffAddress(config.SOUDAN_STAFF_ALLOWED_CIDRS, clientAddress(headers, config.SOUDAN_TRUSTED_PROXY_HEADER));
}

/** The log line of a refusal: what was refused, never the address or who. */
export function logStaffNetworkRefusal(what: "request" | "sign-in"): void {
  console.warn(`[soudan] staff ${what} refused: not from a network in SOUDAN_STAFF_ALLOWED_CIDRS`);
}
