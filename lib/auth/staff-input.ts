import { z } from "zod";
import { ja } from "@/lib/i18n/ja";
import { passwordSchema } from "./password-policy";
import { qualificationSchema, roleSchema } from "./roles";

const e = ja.staffAdmin.errors;

export const loginIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,32}$/, e.loginId);

export const displayNameSchema = z.string().trim().min(1, e.displayNameRequired).max(50, e.displayNameTooLong);

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
    message: e.qualifications,
  });
export type CreateStaffInput = z.input<typeof createStaffInputSchema>;

export interface Actor {
  id: string;
  loginId: string;
}
