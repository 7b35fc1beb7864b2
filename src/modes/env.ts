// The environment for live and record runs: the process environment, then `.env`
// (dotenv; the environment wins, as dotenv does by default).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import dotenv from "dotenv";
import { UserError } from "../errors.ts";

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

export interface LiveEnv {
  readonly apiKey: string;
  readonly baseUrl: string;
}

function readDotEnv(root: string): Record<string, string> {
  try {
    return dotenv.parse(readFileSync(join(root, ".env"), "utf8"));
  } catch {
    return {};
  }
}

export function liveEnv(root: string, mode: string): LiveEnv {
  const file = readDotEnv(root);
  const pick = (name: string) => process.env[name] || file[name] || undefined;
  const apiKey = pick("OPENAI_API_KEY");
  if (!apiKey) {
    throw new UserError(
      `Failed to start ${mode} mode`,
      "OPENAI_API_KEY is not set, and --live and --record call the real API",
      'put OPENAI_API_KEY=<your key> in a ".env" file in the repository root (or export it), or drop the flag to replay offline',
    );
  }
  return { apiKey, baseUrl: (pick("OPENAI_BASE_URL") ?? DEFAULT_BASE_URL).replace(/\/+$/, "") };
}
