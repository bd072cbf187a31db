import { checkpointAudit } from "./audit-checkpoint";

/** A file an export use case produced (and audited): `title` is the Japanese name browsers save it under. */
export interface ExportedFile {
  body: Uint8Array;
  filename: string;
  contentType: string;
  title?: string;
}

/**
 * Every export leaves the building the same way: the audit chain's head is anchored after the export's
 * own audit row, then the file goes out as an uncached attachment.
 */
export async function sendExportedFile(file: ExportedFile): Promise<Response> {
  await checkpointAudit();
  const japaneseName = file.title ? `; filename*=UTF-8''${encodeURIComponent(file.title)}` : "";
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"${japaneseName}`,
      "Cache-Control": "no-store",
    },
  });
}
