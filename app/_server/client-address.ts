/**
 * The client's address from the header the trusted reverse proxy sets, never from anything the client
 * alone controls: in a list (x-forwarded-for) only the last entry was added by our proxy; earlier ones
 * came from the client. Route handlers see no socket, so without the header the address is unknown
 * (null), and the per-address sign-in throttle does not apply: one shared key for every unknown client
 * would let anyone lock everyone out.
 */
export function clientAddress(headers: { get(name: string): string | null }, trustedHeader: string | undefined): string | null {
  if (!trustedHeader) return null;
  const last = headers.get(trustedHeader)?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
