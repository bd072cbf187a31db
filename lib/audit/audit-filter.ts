import { z } from "zod";
import { auditActions } from "./actions";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the audit screen and its CSV narrow the log to. Dates are calendar days in Japan, both ends included. */
export const auditFilterSchema = z
  .object({
    action: z.enum(auditActions).optional(),
    /** A staff member: rows they did, and rows done to their account. */
    personId: z.uuid().optional(),
    from: day.optional(),
    to: day.optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"] });

export type AuditFilter = z.infer<typeof auditFilterSchema>;
