/**
 * What a refused sign-in tells the browser (next-auth passes a thrown message through as
 * `error`). Plain strings, so the client forms can import them.
 */
export const ACCOUNT_DEACTIVATED = "AccountDeactivated";

export const DEACTIVATED_MESSAGE = "This account is deactivated. Ask an admin to reactivate it.";
