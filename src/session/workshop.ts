// Workshop options of one run (issue 10): `--pace` and `--lenient` shape how replay answers,
// `--step` pauses before each code cell. This joins them to the run: a lenient replay's
// substitutions become outputs of the cell that sent the request, so the terminal, the report
// and anything else that reads the run (the site) show them.
import type { PaceClock, PaceName } from "../clock/pace.ts";
import type { ReplayWorkshop } from "../modes/replay.ts";
import type { Cell } from "../notebook/cells.ts";
import type { Output, Substitute } from "../notebook/outputs.ts";

export interface WorkshopOptions {
  /** Replay's pace; "instant" (the default) never waits. */
  readonly pace?: PaceName;
  /** Where a paced replay reads the time and waits (tests count the waits). */
  readonly paceClock?: PaceClock;
  /** Replay answers a request it has no recording of with the closest recorded answer, labelled. */
  readonly lenient?: boolean;
  /** Asked before each code cell (`--step`); "quit" stops the run there. */
  readonly beforeCode?: (cell: Cell) => Promise<"run" | "quit">;
}

export interface WorkshopWiring {
  /** What replay needs (see modes/replay.ts). */
  readonly replay: ReplayWorkshop;
  /** Called once the kernel exists: substitutions are emitted into the running cell from then on. */
  attach(emit: (output: Output) => void): void;
}

export function wireWorkshop(options: WorkshopOptions = {}): WorkshopWiring {
  let emit: ((output: Output) => void) | undefined;
  const onSubstitute = (substitute: Substitute) => emit?.({ type: "substitute", substitute });
  const lenient = options.lenient ? { onSubstitute } : undefined;
  return {
    replay: { pace: options.pace, paceClock: options.paceClock, lenient },
    attach: (next) => {
      emit = next;
    },
  };
}
