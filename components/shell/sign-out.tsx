"use client";

import { signOut } from "next-auth/react";

export function SignOut() {
  return (
    <button type="button" className="underline" onClick={() => signOut({ callbackUrl: "/login" })}>
      sign out
    </button>
  );
}
