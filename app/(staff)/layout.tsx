import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { ToastProvider } from "@/components/ui/toast-provider";
import { pageUser } from "@/lib/auth/guard";
import { STAFF } from "@/lib/auth/roles";
import { listProjects } from "@/lib/projects";

/**
 * Every staff page: the app header with the project switcher, and toasts for confirmations. Only
 * the frame: each page checks the role itself (a layout is not where authorization happens).
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await pageUser();
  if (!user) return children;
  const projects = STAFF.includes(user.role) ? await listProjects(user) : [];
  return (
    <ToastProvider>
      <AppHeader user={user} projects={projects} />
      {children}
    </ToastProvider>
  );
}
