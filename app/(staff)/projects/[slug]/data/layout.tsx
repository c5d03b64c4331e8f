import type { ReactNode } from "react";
import { DataNav } from "@/components/data/data-nav";
import { SectionHeader } from "@/components/shell/section-header";
import { pageUser } from "@/lib/auth/guard";
import { STAFF } from "@/lib/auth/roles";
import { sectionAt } from "@/lib/workspace/sections";

/** The Data section's title and its views (judgments, prompts, reports); each page checks the role itself. */
export default async function DataLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const user = await pageUser();
  if (!user || !STAFF.includes(user.role)) return children;
  return (
    <section>
      <SectionHeader section={sectionAt("data")} />
      <DataNav slug={slug} />
      {children}
    </section>
  );
}
