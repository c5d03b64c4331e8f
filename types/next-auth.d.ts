import type { Role } from "@/lib/db";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; email: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
  }
}
