import { z } from "zod";

/** The JSON left beside the 廃棄報告書: the same facts, for a machine or a later check. */
export const destructionSummarySchema = z.object({
  title: z.literal("廃棄報告書"),
  destroyedAt: z.iso.datetime(),
  database: z.enum(["pglite", "postgres"]),
  municipality: z.string().nullable(),
  contract: z.string().nullable(),
  operator: z.string().nullable(),
  /** Rows per table before deletion. */
  destroyed: z.record(z.string(), z.number().int().min(0)),
  period: z.object({ first: z.iso.datetime(), last: z.iso.datetime() }).nullable(),
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string() }),
  handoverManifestSha256: z.string().nullable(),
  /** Rows per table after deletion: all 0, or the destruction failed. */
  rowsLeft: z.record(z.string(), z.number().int().min(0)),
  /** What DATA_DIR held after it was emptied, before the report was written there. */
  filesLeft: z.array(z.string()),
  report: z.string(),
});

export type DestructionSummary = z.infer<typeof destructionSummarySchema>;
