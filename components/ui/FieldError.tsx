import type { ReactNode } from "react";
import { errorClass } from "./styles";

export function FieldError({ id, message }: { id: string; message?: ReactNode }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={errorClass}>
      {message}
    </p>
  );
}
