# The first tutorial's flow, written with Python's openai package as a learner would run it:
# an assistant, a thread, a question, a run polled until it is done, the answer, then a
# follow-up question and only the messages after it. Prints one JSON object for the test.
# OPENAI_BASE_URL points at the emulator; OPENAI_API_KEY is any key (the emulator uses its own).
import json
import sys
import time

from openai import OpenAI

question, follow_up_question = sys.argv[1], sys.argv[2]
client = OpenAI()

assistant = client.beta.assistants.create(
    name="Math Tutor",
    instructions="You are a personal math tutor. Answer questions briefly, in a sentence or less.",
    model="gpt-4o-mini",
)
thread = client.beta.threads.create()
client.beta.threads.messages.create(thread_id=thread.id, role="user", content=question)

statuses = []


def wait_on_run(run):
    statuses.append(run.status)
    while run.status in ("queued", "in_progress"):
        run = client.beta.threads.runs.retrieve(thread_id=thread.id, run_id=run.id)
        statuses.append(run.status)
        time.sleep(0.01)
    return run


run = wait_on_run(client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id))
newest_first = client.beta.threads.messages.list(thread_id=thread.id)

follow_up = client.beta.threads.messages.create(thread_id=thread.id, role="user", content=follow_up_question)
wait_on_run(client.beta.threads.runs.create(thread_id=thread.id, assistant_id=assistant.id))
after_follow_up = client.beta.threads.messages.list(thread_id=thread.id, order="asc", after=follow_up.id)

polled = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id, poll_interval_ms=10)

print(json.dumps({
    "assistant": assistant.id.split("_")[0],
    "statuses": statuses,
    "usage": run.usage is not None,
    "answer": [m.content[0].text.value for m in newest_first.data],
    "roles": [m.role for m in newest_first.data],
    "after_follow_up": [m.content[0].text.value for m in after_follow_up.data],
    "polled": polled.status,
    "deleted": client.beta.assistants.delete(assistant.id).deleted,
}))
