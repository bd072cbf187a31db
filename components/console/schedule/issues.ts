import type { z } from "zod";

/** Validation messages by dot-joined field path, from the client's zod check or the server's answer alike. */
export type Issues = Record<string, string>;

/** The first message per path, as the server's `fieldErrors` also keeps it. */
export function issuesFromList(list: { path: string; message: string }[]): Issues {
  const issues: Issues = {};
  for (const issue of list) issues[issue.path] ??= issue.message;
  return issues;
}

export function issuesOf(error: z.ZodError): Issues {
  return issuesFromList(error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })));
}

/** Messages for paths no field of the form shows, so none is silently dropped. */
export function unplacedMessages(issues: Issues, placed: (path: string) => boolean): string[] {
  return Object.entries(issues)
    .filter(([path]) => !placed(path))
    .map(([, message]) => message);
}

/** aria attributes tying a field to its message, when it has one. */
export function describedBy(message: string | undefined, errorId: string) {
  return message ? { "aria-invalid": true, "aria-describedby": errorId } : {};
}
