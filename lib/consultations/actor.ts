import type { Role } from "@/lib/auth";

/** Who acts in the console: the audit log names them, the role decides supervisor powers. */
export interface ConsoleActor {
  id: string;
  loginId: string;
  role: Role;
}
