import { z } from "zod";
import { passwordSchema } from "./password-policy";
import { qualificationSchema, roleSchema } from "./roles";

export const loginIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,32}$/, "ログインIDは半角英小文字・数字・「._-」の3〜32文字にしてください。");

export const displayNameSchema = z.string().trim().min(1, "表示名を入力してください。").max(50, "表示名は50文字以内にしてください。");

export const createStaffInputSchema = z
  .object({
    loginId: loginIdSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    qualifications: z.array(qualificationSchema).default([]),
    password: passwordSchema,
  })
  .refine((v) => v.role !== "counselor" || v.qualifications.length > 0, {
    path: ["qualifications"],
    message: "相談員には資格・経験を1つ以上登録してください。",
  });
export type CreateStaffInput = z.input<typeof createStaffInputSchema>;

export interface Actor {
  id: string;
  loginId: string;
}
