import { z } from "zod";

export const roleSchema = z.enum(["admin", "supervisor", "counselor", "city"]);
export type Role = z.infer<typeof roleSchema>;

/** R8: the qualifications the specification (10(3)) accepts for a counselor. */
export const qualificationSchema = z.enum([
  "social_worker",
  "psychiatric_social_worker",
  "certified_public_psychologist",
  "clinical_psychologist",
  "child_welfare_officer_experience",
  "child_psychologist_experience",
]);
export type Qualification = z.infer<typeof qualificationSchema>;
