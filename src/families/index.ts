// Every API family the course knows. Part 2 (Responses + Conversations) adds its own here.
import { assistantsFamily } from "./assistants.ts";
import { filesFamily } from "./files.ts";
import type { ApiFamily, FamilyProblem } from "./family.ts";

export type { ApiFamily, FamilyProblem } from "./family.ts";

export const FAMILIES: readonly ApiFamily[] = [assistantsFamily, filesFamily];

export const familyOf = (path: string): ApiFamily | undefined => FAMILIES.find((family) => family.owns(path));

/** The first family that sees a failure in this API object (a failed run, …). */
export function objectProblem(value: unknown): { family: ApiFamily; problem: FamilyProblem } | undefined {
  for (const family of FAMILIES) {
    const problem = family.objectProblem(value);
    if (problem) return { family, problem };
  }
  return undefined;
}
