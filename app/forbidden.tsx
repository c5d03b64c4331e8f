import { Forbidden } from "@/components/staff/forbidden";

/** What forbidden() renders, with status 403: a signed-in user whose role may not see the page. */
export default function ForbiddenPage() {
  return <Forbidden />;
}
