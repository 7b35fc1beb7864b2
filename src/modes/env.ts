// The environment for live and record runs: the process environment, then `.env`
// (dotenv; the environment wins, as dotenv does by default).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import dotenv from "dotenv";
import { UserError } from "../errors.ts";
import { urlSecrets } from "../fixtures/redact.ts";

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

function readDotEnv(root: string): Record<string, string> {
  try {
    return dotenv.parse(readFileSync(join(root, ".env"), "utf8"));
  } catch {
    return {};
  }
}

export interface LiveEnv {
  readonly apiKey: string;
  /** Where `new OpenAI()` sends requests: OPENAI_BASE_URL, or the SDK's default. */
  readonly baseUrl: string;
  /** What the lesson runs with: the variables `.env` adds, and never a base URL nobody set. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Values beyond the key that must never be written (Azure's key, a password in the base URL). */
  readonly secrets: readonly string[];
}

/** Read by the SDK's clients: OpenAI and AzureOpenAI. `.env` sets those the environment does not. */
const CLIENT_VARIABLES = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "OPENAI_ORG_ID",
  "OPENAI_PROJECT_ID",
  "AZURE_OPENAI_API_KEY",
  "AZURE_OPENAI_ENDPOINT",
  "OPENAI_API_VERSION",
] as const;

export function liveEnv(root: string, mode: string): LiveEnv {
  const file = readDotEnv(root);
  const pick = (name: string) => process.env[name] || file[name] || undefined;
  const apiKey = pick("OPENAI_API_KEY") ?? pick("AZURE_OPENAI_API_KEY");
  if (!apiKey) {
    throw new UserError(
      `Failed to start ${mode} mode`,
      "OPENAI_API_KEY is not set, and --live and --record call the real API",
      'put OPENAI_API_KEY=<your key> in a ".env" file in the repository root (or export it), or drop the flag to replay offline',
    );
  }
  // Only what is set is passed on: a default OPENAI_BASE_URL would break `new AzureOpenAI({ endpoint })`
  // ("baseURL and endpoint are mutually exclusive") and clients that choose their own baseURL.
  const env = Object.fromEntries(CLIENT_VARIABLES.flatMap((name) => (pick(name) ? [[name, pick(name)]] : [])));
  const set = pick("OPENAI_BASE_URL");
  const baseUrl = (set ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const azureKey = pick("AZURE_OPENAI_API_KEY");
  return { apiKey, baseUrl, env, secrets: [...(azureKey ? [azureKey] : []), ...urlSecrets(baseUrl)] };
}
