export type DestructionRefusal = "no_code" | "wrong_code" | "app_running" | "unsafe_data_dir" | "unknown_files" | "handover_stale" | "manifest_unreadable";

/** A destruction refused before anything was deleted. */
export class DestructionRefusedError extends Error {
  constructor(
    readonly reason: DestructionRefusal,
    message: string,
  ) {
    super(message);
    this.name = "DestructionRefusedError";
  }
}

/** Deletion ran but something is left, or the report could not be written: the summary says what, the operator must look. */
export class DestructionIncompleteError extends Error {}
