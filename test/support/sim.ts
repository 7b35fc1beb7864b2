// The simulators as the tests run them. The Assistants one: the course's scripted answers, a 1 ms poll hint
// (without one the SDK's poll helpers wait 5 s), and a clock that stands still unless a test
// passes its own, so two runs of a lesson get the same timestamps however busy the machine is.
import { ASSISTANTS_ANSWERS } from "../../lessons/answers/assistants.ts";
import { type AssistantsScenario, type AssistantsSimOptions, createAssistantsSim } from "../../sim/assistants/simulator.ts";
import { type ServerOptions, type SimServer, startServer } from "../../sim/core/server.ts";
import { RESPONSES_ANSWERS } from "../../lessons/answers/responses.ts";
import { type ResponsesSimOptions, createResponsesSim } from "../../sim/responses/simulator.ts";

export type CourseSim = SimServer<AssistantsScenario>;

export type CourseSimOptions = AssistantsSimOptions & ServerOptions;

export function startCourseSim(options: CourseSimOptions = {}): Promise<CourseSim> {
  const { port, clock, ...simOptions } = options;
  const simulator = createAssistantsSim({ answers: ASSISTANTS_ANSWERS, pollAfterMs: 1, ...simOptions });
  return startServer(simulator, { port, clock: clock ?? (() => 0) });
}

export type ResponsesCourseSimOptions = ResponsesSimOptions & ServerOptions;

/** The Responses simulator with the course's answers, on a clock that stands still unless given one. */
export function startResponsesCourseSim(options: ResponsesCourseSimOptions = {}): Promise<SimServer> {
  const { port, clock, ...simOptions } = options;
  return startServer(createResponsesSim({ answers: RESPONSES_ANSWERS, ...simOptions }), { port, clock: clock ?? (() => 0) });
}
