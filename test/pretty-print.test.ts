// pretty_print reads both APIs: Assistants messages (text.value parts) and Responses or
// Conversations items (input_text/output_text parts, and items that are not messages).
import { afterEach, describe, expect, it, vi } from "vitest";
import { pretty_print } from "../src/helpers/index.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

function printed(value: Parameters<typeof pretty_print>[0]): string {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  pretty_print(value);
  return log.mock.calls.map((call) => String(call[0])).join("");
}

describe("pretty_print", () => {
  it("prints thread messages as before", () => {
    const messages = [
      { role: "user", content: [{ type: "text", text: { value: "Hi", annotations: [] } }] },
      { role: "assistant", content: [{ type: "image_file" }] },
    ];
    expect(printed({ data: messages })).toBe("# Messages\nuser: Hi\nassistant: [image_file]\n");
  });

  it("prints conversation items: messages by role, function calls and their outputs by type", () => {
    const items = [
      { id: "msg_1", type: "message", role: "user", content: [{ type: "input_text", text: "Is x = 1 a solution?" }] },
      { id: "fc_1", type: "function_call", name: "check_solution", arguments: '{"x":1}', call_id: "call_1" },
      { id: "fco_1", type: "function_call_output", call_id: "call_1", output: "true" },
      { id: "msg_2", type: "message", role: "assistant", content: [{ type: "output_text", text: "Yes.", annotations: [] }] },
      { id: "fs_1", type: "file_search_call", status: "completed" },
    ];
    expect(printed(items)).toBe(
      '# Messages\nuser: Is x = 1 a solution?\nfunction_call: check_solution({"x":1})\nfunction_call_output: true\nassistant: Yes.\nfile_search_call: [file_search_call]\n',
    );
  });
});
