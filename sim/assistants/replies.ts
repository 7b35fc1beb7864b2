// What the simulated assistant says. The replies themselves are course content, handed in as
// an AnswerBook (the course's is lessons/answers/assistants.ts) keyed by the last user message
// (exact match after trim); a question the book does not know gets a fallback that quotes it.

/** A code_interpreter turn: a short message, one tool call with its logs, then a conclusion. */
export type CodeTurn = { intro: string; code: string; logs: string; conclusion: string };

/** A run's `last_error`; these are the codes the v2 API used for failed runs. */
export type RunError = { code: "server_error" | "rate_limit_exceeded" | "invalid_prompt"; message: string };

export type AnsweredEntry = {
  /** The reply when the run has no code_interpreter tool (or the entry has no code turn). */
  reply: string;
  /** Used instead of `reply` when the run's tools include code_interpreter. */
  withCodeInterpreter?: CodeTurn;
  /**
   * What the assistant says instead when a run's `instructions` replaced the assistant's with
   * one of these texts (keyed by the whole instructions): the persona the run was given, not
   * the tutor's. The reply is used as written.
   */
  underInstructions?: Readonly<Record<string, string>>;
};

/** A question whose runs end `failed` (with this `last_error`) and write nothing, as real runs occasionally did. */
export type FailedEntry = { outcome: "failed"; last_error: RunError };

export type AnswerEntry = AnsweredEntry | FailedEntry;

/** Scripted answers keyed by the user's question. */
export type AnswerBook = ReadonlyMap<string, AnswerEntry>;

export type ReplyPlan = { kind: "text"; text: string } | ({ kind: "code" } & CodeTurn);

export type ReplyContext = { instructions: string; codeInterpreter: boolean };

function fallbackReply(question: string | undefined): string {
  if (question === undefined || question === "") {
    return "Hello! I'm the local test assistant. How can I help you with math today?";
  }
  return `I'm the local test assistant; I can answer the course's questions. You asked: "${question}"`;
}

/** Openings the name slots into: "Sure! …" becomes "Sure, Jane Doe! …", "물론이죠! …" "물론이죠, Jane Doe님! …". */
const INTERJECTION = /^(Sure|Of course|Certainly|Yes|No|Hello|Hi|Great question|Good question)([!:.,])/;
const KOREAN_INTERJECTION = /^(물론이죠|물론입니다|좋아요|네|안녕하세요)([!.,])/;
const ADDRESS_AS = /\baddress the user as ([^.!?\n]+)/i;

/**
 * Run instructions like "Please address the user as Jane Doe." make the real model use the
 * name: after an opening interjection ("Sure, Jane Doe! …"), else in front ("Jane Doe, x = 1."),
 * lower-casing the first letter unless it starts the pronoun "I" (I, I'm, I'd, ...).
 */
export function addressUser(text: string, instructions: string): string {
  const name = ADDRESS_AS.exec(instructions)?.[1]?.trim();
  if (!name) return text;
  // Korean addresses a person with 님 after the name.
  const korean = KOREAN_INTERJECTION.exec(text);
  if (korean) return `${korean[1]}, ${name}님${korean[2]}${text.slice(korean[0].length)}`;
  if (/^\p{Script=Hangul}/u.test(text)) return `${name}님, ${text}`;
  const interjection = INTERJECTION.exec(text);
  if (interjection) {
    const [whole, word, mark] = interjection;
    return `${word}, ${name}${mark}${text.slice(whole.length)}`;
  }
  const keepCapital = /^I(\b|')/.test(text);
  const opening = keepCapital ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return `${name}, ${opening}`;
}

function entryFor(answers: AnswerBook, question: string | undefined): AnswerEntry | undefined {
  return question === undefined ? undefined : answers.get(question.trim());
}

/** The `last_error` a run must fail with when the answer book says so for its last user message. */
export function plannedFailure(answers: AnswerBook, question: string | undefined): RunError | undefined {
  const entry = entryFor(answers, question);
  return entry && "outcome" in entry ? { ...entry.last_error } : undefined;
}

/** Chooses what the assistant says to the last user message of a run's thread. */
export function planReply(answers: AnswerBook, question: string | undefined, context: ReplyContext): ReplyPlan {
  const found = entryFor(answers, question);
  const entry = found && "reply" in found ? found : undefined;
  const persona = entry?.underInstructions?.[context.instructions];
  if (persona !== undefined) return { kind: "text", text: persona };
  const codeTurn = context.codeInterpreter ? entry?.withCodeInterpreter : undefined;
  if (codeTurn) return { kind: "code", ...codeTurn, intro: addressUser(codeTurn.intro, context.instructions) };
  const text = entry?.reply ?? fallbackReply(question?.trim());
  return { kind: "text", text: addressUser(text, context.instructions) };
}
