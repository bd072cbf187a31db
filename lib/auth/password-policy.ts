import { z } from "zod";
import { ja } from "@/lib/i18n/ja";

/** Shared by the browser form and the server, so it must not import the hashing library. */
export const passwordSchema = z
  .string()
  .min(12, ja.staffAdmin.errors.passwordTooShort)
  .max(256, ja.staffAdmin.errors.passwordTooLong);
