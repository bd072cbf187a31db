import type { SubmitStatus } from "./use-schedule-submit";

/** A refusal is an alert (read out at once); a success is a polite status. */
export function SubmitStatusMessage({ status, testId }: { status: SubmitStatus; testId?: string }) {
  if (!status) return null;
  return (
    <p role={status.ok ? "status" : "alert"} data-testid={testId} className={status.ok ? "text-sm text-green-800" : "text-sm text-red-700"}>
      {status.message}
    </p>
  );
}
