// What every simulated model does with text, whichever API family asks: address the user as
// the instructions say, split an answer into token-like deltas, and count tokens plausibly.

/** Openings the name slots into: "Sure! …" becomes "Sure, Jane Doe! …", "물론이죠! …" "물론이죠, Jane Doe님! …". */
const INTERJECTION = /^(Sure|Of course|Certainly|Yes|No|Hello|Hi|Great question|Good question)([!:.,])/;
const KOREAN_INTERJECTION = /^(물론이죠|물론입니다|좋아요|네|안녕하세요)([!.,])/;
const ADDRESS_AS = /\baddress the user as ([^.!?\n]+)/i;

/**
 * Instructions like "Please address the user as Jane Doe." make the real model use the
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

/** Splits text into word-sized pieces (each with its leading whitespace) like token deltas. */
export function deltaChunks(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/** A plausible, deterministic token count: about four characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
