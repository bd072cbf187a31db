import { z } from "zod";

/** Shared by the browser form and the server, so it must not import the hashing library. */
export const passwordSchema = z
  .string()
  .min(12, "パスワードは12文字以上にしてください。")
  .max(256, "パスワードが長すぎます。");
