/**
 * A stream's lease: three of the event stream's 20-second heartbeats. A connection whose instance died
 * stops counting as "the youth is watching" within a minute, so notices resume.
 */
export const CHAT_CONNECTION_LEASE_MS = 60_000;

/** Closed or lapsed connections are kept this long (they answer "seen since the notice"), then pruned. */
export const CHAT_CONNECTION_RETENTION_MS = 24 * 60 * 60_000;

export const leaseFrom = (at: Date) => new Date(at.getTime() + CHAT_CONNECTION_LEASE_MS);
