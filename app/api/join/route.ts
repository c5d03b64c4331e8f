import { publicRoute } from "@/lib/http/route";
import { joinWithEmail, joinWithEmailSchema } from "@/lib/users";

// Public on purpose: this is how a labeler without an account gets one. The invite code is the
// authorization, and the account it creates is always a LABELER.
export const POST = publicRoute(
  { summary: "Create a labeler account with an invite code, email and password", body: joinWithEmailSchema },
  async ({ body }) => joinWithEmail(body),
);
