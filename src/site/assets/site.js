// The site's only script (loaded with `defer`, never inline: the pages' CSP forbids inline
// scripts). Everything on a page works without it; it adds search, copy buttons, the stream
// replay and the presenter view. It writes text with textContent only, never HTML.
(() => {
  const root = document.documentElement.dataset.root || "./";
  const assets = document.documentElement.dataset.assets || "assets/";

  for (const element of document.querySelectorAll(".search, .copy, .present, .replay")) element.hidden = false;

  // Copy buttons ("run it yourself").
  for (const button of document.querySelectorAll("button.copy")) {
    button.addEventListener("click", () => {
      const text = button.dataset.copy || "";
      const done = () => {
        const label = button.textContent;
        button.textContent = "✓";
        setTimeout(() => (button.textContent = label), 1200);
      };
      if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => {});
    });
  }

  // Search: MiniSearch and the index are classic scripts loaded on first use (fetch() is
  // refused on file:// pages; scripts are not).
  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
  let searchReady;
  const searchIndex = () => {
    searchReady ??= loadScript(`${assets}minisearch.js`)
      .then(() => loadScript(`${root}search-index.js`))
      .then(() => {
        const { options, index } = globalThis.lessonbookSearch;
        return globalThis.MiniSearch.loadJSON(index, options);
      });
    return searchReady;
  };
  const input = document.getElementById("lb-search");
  const results = document.getElementById("lb-results");
  const showResults = (query, found) => {
    results.replaceChildren();
    if (!query) return;
    if (!found.length) {
      const none = document.createElement("p");
      none.textContent = (results.dataset.none || "").replace("{q}", query);
      results.append(none);
      return;
    }
    const list = document.createElement("ul");
    for (const hit of found.slice(0, 20)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = root + hit.url;
      link.textContent = hit.title || hit.page;
      const page = document.createElement("span");
      page.className = "page";
      page.textContent = hit.page;
      link.append(page);
      item.append(link);
      list.append(item);
    }
    results.append(list);
  };
  if (input && results) {
    input.addEventListener("focus", () => searchIndex().catch(() => {}), { once: true });
    input.addEventListener("input", () => {
      const query = input.value.trim();
      searchIndex().then(
        (index) =>
          showResults(query, query ? index.search(query, { prefix: true, fuzzy: 0.15, combineWith: "AND", boost: { title: 2 } }) : []),
        () => {},
      );
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        input.value = "";
        showResults("", []);
      } else if (event.key === "ArrowDown") {
        results.querySelector("a")?.focus();
        event.preventDefault();
      }
    });
    results.addEventListener("keydown", (event) => {
      const links = [...results.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const next = links[at + (event.key === "ArrowDown" ? 1 : -1)];
        (next || input).focus();
        event.preventDefault();
      } else if (event.key === "Escape") input.focus();
    });
  }

  // Stream replay: shows the cell's printed output growing as the recorded events arrived.
  const paceSteps = (steps, pace) =>
    pace === "slow" ? steps.map((step, i) => ({ ...step, at: i * 40 })) : steps.map((s) => ({ ...s, at: s.at / Number(pace) }));
  for (const replay of document.querySelectorAll(".replay")) {
    const cell = replay.closest(".cell");
    const target = cell?.querySelector(".output.stdout pre code");
    if (!target) continue;
    const full = target.textContent;
    const steps = replay.dataset.schedule.split(",").map((pair) => {
      const [at, end] = pair.split(":").map(Number);
      return { at, end };
    });
    const status = replay.querySelector(".replay-status");
    let timers = [];
    replay.querySelector(".replay-button").addEventListener("click", () => {
      for (const timer of timers) clearTimeout(timer);
      replay.dataset.state = "playing";
      status.textContent = "";
      target.textContent = "";
      const planned = paceSteps(steps, replay.querySelector(".replay-pace").value);
      timers = planned.map((step, i) =>
        setTimeout(() => {
          target.textContent = full.slice(0, step.end);
          if (i === planned.length - 1) {
            replay.dataset.state = "done";
            status.textContent = status.dataset.done;
          }
        }, step.at),
      );
    });
  }

  // Presenter view: one slide (the title, then each cell) per screen; arrow keys move.
  const presentButton = document.querySelector("button.present");
  const slides = [...document.querySelectorAll("main .lesson-head, main .cell")];
  let current = -1;
  const bar = document.createElement("div");
  bar.className = "presenter-bar";
  const show = (index) => {
    current = Math.max(0, Math.min(slides.length - 1, index));
    for (const [i, slide] of slides.entries()) slide.classList.toggle("current", i === current);
    const slide = slides[current];
    for (let parent = slide.parentElement; parent; parent = parent.parentElement) if (parent.tagName === "DETAILS") parent.open = true;
    if (slide.id) history.replaceState(null, "", `#${slide.id}`);
    bar.textContent = `${current + 1} / ${slides.length} · ${presentButton.dataset.help}`;
    window.scrollTo(0, 0);
  };
  const enter = () => {
    document.body.classList.add("presenting");
    document.body.append(bar);
    const start = slides.findIndex((slide) => slide.id && `#${slide.id}` === location.hash);
    show(Math.max(0, start));
  };
  const leave = () => {
    document.body.classList.remove("presenting");
    for (const slide of slides) slide.classList.remove("current");
    bar.remove();
    slides[current]?.scrollIntoView();
    current = -1;
  };
  if (presentButton && slides.length) {
    presentButton.addEventListener("click", enter);
    if (new URLSearchParams(location.search).has("present")) enter();
    document.addEventListener("keydown", (event) => {
      if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      if (/^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
      const moves = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };
      if (event.key in moves && !(event.key === " " && event.target.tagName === "BUTTON")) show(current + moves[event.key]);
      else if (event.key === "Home") show(0);
      else if (event.key === "End") show(slides.length - 1);
      else if (event.key === "Escape") leave();
      else return;
      event.preventDefault();
    });
  }

  // "/" jumps to the search box, as on many documentation sites.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || current >= 0 || !input || /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName)) return;
    input.focus();
    event.preventDefault();
  });
})();
