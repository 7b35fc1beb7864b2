// An API family: the part of the OpenAI API a lesson talks to (Assistants v2 in part 1,
// Responses and Conversations in part 2). What is specific to one API lives in its family, so
// the generic modes, renderers and tests only ask: which family owns this path, what does
// its failure look like, which schema bundle validates it, which simulator serves it.
import type { Exchange } from "../fixtures/format.ts";

/** A failure worth stopping a live run for, worded for the user. */
export interface FamilyProblem {
  readonly message: string;
  readonly fix: string;
}

export interface ApiFamily {
  /** Short name, also the simulator's name (`npm run sim -- <name>`). */
  readonly name: string;
  readonly title: string;
  /** True when a request path (e.g. `/v1/threads/…`) belongs to this API. */
  owns(path: string): boolean;
  /** File in ../shared/openapi that validates this family's traffic. */
  readonly schemaBundle: string;
  /** Guidance for an HTTP failure only this family can explain (e.g. a shut-down API). */
  statusProblem(exchange: Exchange, baseUrl: string): FamilyProblem | undefined;
  /** An object this API reports as failed on its own terms (a run that ended failed). */
  objectProblem(value: unknown): FamilyProblem | undefined;
  /** Cell tag that marks a cell showing such a failure on purpose. */
  readonly expectFailureTag: string;
}
