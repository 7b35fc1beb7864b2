// Every API family the course knows: part 1 talks to the Assistants API, part 2 to the
// Responses and Conversations APIs.
import { assistantsFamily } from "./assistants.ts";
import { filesFamily } from "./files.ts";
import { responsesFamily } from "./responses.ts";
import type { ApiFamily, FamilyProblem } from "./family.ts";

export type { ApiFamily, FamilyProblem } from "./family.ts";

export const FAMILIES: readonly ApiFamily[] = [assistantsFamily, responsesFamily, filesFamily];

export const familyOf = (path: string): ApiFamily | undefined => FAMILIES.find((family) => family.owns(path));

/** The first family that sees a failure in this API object (a failed run, …). */
export function objectProblem(value: unknown): { family: ApiFamily; problem: FamilyProblem } | undefined {
  for (const family of FAMILIES) {
    const problem = family.objectProblem(value);
    if (problem) return { family, problem };
  }
  return undefined;
}
