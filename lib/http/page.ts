import { notFound } from "next/navigation";
import { isDomainError } from "../errors";

/** For server pages: a lookup that finds nothing shows the 404 page (status 404) instead of failing with a 500. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
