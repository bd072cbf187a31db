import { BlockList } from "node:net";
import type { StaffNetwork } from "@/lib/config";

const lists = new WeakMap<readonly StaffNetwork[], BlockList>();

/**
 * Whether a staff request from `address` may go on (R14). No list: every network. An unknown address
 * (no header from the proxy) is refused, as it cannot be shown to be inside. Matching is Node's own
 * BlockList, which also folds IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) onto IPv4 networks.
 */
export function allowsStaffAddress(networks: readonly StaffNetwork[] | undefined, address: string | null): boolean {
  if (!networks) return true;
  if (!address) return false;
  let list = lists.get(networks);
  if (!list) {
    list = new BlockList();
    for (const network of networks) list.addSubnet(network.address, network.prefix, network.family);
    lists.set(networks, list);
  }
  try {
    return list.check(address, address.includes(":") ? "ipv6" : "ipv4");
  } catch {
    // Whatever the header held that is not an address.
    return false;
  }
}
