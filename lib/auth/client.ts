// What the browser may load from lib/auth: the schemas the staff forms check before posting.
export { qualificationSchema, roleSchema, type Role } from "./roles";
export { createStaffInputSchema } from "./staff-input";
export { createSharedIdleActivity } from "./shared-idle-activity";
