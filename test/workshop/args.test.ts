// Workshop options on the command line: what they combine with, and the one-line refusals.
import { describe, expect, it } from "vitest";
import { parseCliArgs, USAGE } from "../../src/cli/args.ts";
import { runCli } from "../support/cli.ts";

const refusal = (argv: string[]) => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};
const HELP = 'Fix: run "npm run lesson -- --help" for the options';

describe("--step, --pace and --lenient", () => {
  it("are off by default: strict, instant, no pauses", () => {
    expect(parseCliArgs(["3"])).toMatchObject({ step: false, pace: "instant", lenient: false });
    expect(parseCliArgs(["3", "--step", "--pace", "2x", "--lenient"])).toMatchObject({ step: true, pace: "2x", lenient: true });
    expect(parseCliArgs(["3", "--step", "--live"])).toMatchObject({ step: true, mode: "live" });
  });

  it("refuses a pace it does not know", () => {
    expect(refusal(["3", "--pace", "fast"])).toBe(`Invalid --pace "fast": expected recorded, 2x or instant. ${HELP}`);
  });

  it("are never taken by --check, and --pace and --lenient never by live runs", () => {
    const check = `Invalid arguments: --check compares strict, instant replays with the reports; leave out --step, --pace and --lenient. ${HELP}`;
    expect(refusal(["--check", "--all", "--lenient"])).toBe(check);
    expect(refusal(["--check", "--all", "--pace", "instant"])).toBe(check);
    expect(refusal(["--check", "3", "--step"])).toBe(check);
    const live = `Invalid arguments: --pace and --lenient change how a replay answers; leave them out with --live and --record. ${HELP}`;
    expect(refusal(["3", "--live", "--lenient"])).toBe(live);
    expect(refusal(["3", "--record", "--pace", "recorded"])).toBe(live);
    expect(refusal(["3", "--record", "--step"])).toBe(
      `Invalid arguments: --step with --record would record your pauses as the lesson's timing; record without --step. ${HELP}`,
    );
  });

  it("are in the help", () => {
    expect(USAGE).toContain("--step              pause before each code cell: Enter runs it, n shows only the");
    expect(USAGE).toContain("--pace PACE         replay at the recorded timing: recorded, 2x, or instant (default)");
    expect(USAGE).toContain("--lenient           replay: a request with no recording gets the recorded answer to the");
  });

  it("refuses --step without a terminal to read keys from (here standard input is a pipe)", async () => {
    const result = await runCli(["3", "--step"]);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      2,
      "",
      'lessonbook: --step needs a terminal: it waits for keys typed there, and standard input or output is redirected. Fix: run "npm run lesson 3 -- --step" in a terminal, with no pipe or redirect\n',
    ]);
  });

  it("notices --step and --lenient given to npm instead of lessonbook", () => {
    expect(() => parseCliArgs(["3"], { npm_config_step: "true", npm_config_lenient: "true" })).toThrow(
      "npm kept --step --lenient for itself: options for lessonbook must come after a lone --. Fix: npm run lesson N -- --step --lenient",
    );
  });
});
