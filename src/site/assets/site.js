// The site's only script (loaded with `defer`, never inline: the pages' CSP forbids inline
// scripts). Everything on a page works without it; it adds search, copy buttons, the stream
// replay and the presenter view. It writes text with textContent only, never HTML.
(() => {
  const root = document.documentElement.dataset.root || "./";
  const assets = document.documentElement.dataset.assets || "assets/";
  const typing = (target) => /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
  /** Index of the slide shown in the presenter view; -1 outside it. */
  let presenting = -1;

  /** Copy buttons ("run it yourself"). */
  function setupCopy() {
    for (const button of document.querySelectorAll("button.copy")) {
      button.addEventListener("click", () => {
        const label = button.textContent;
        const done = () => {
          button.textContent = "✓";
          setTimeout(() => (button.textContent = label), 1200);
        };
        navigator.clipboard?.writeText(button.dataset.copy || "").then(done, () => {});
      });
    }
  }

  /** A classic script, loaded on demand (browsers refuse fetch() on file:// pages, not scripts). */
  const loadScript = (src) =>
    new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });

  let searchReady;
  /** MiniSearch and the prebuilt index, loaded the first time someone searches. */
  function searchIndex() {
    searchReady ??= loadScript(`${assets}minisearch.js`)
      .then(() => loadScript(`${root}search-index.js`))
      .then(() => {
        // Queries break into words where the index's text did (search.ts WORD_BREAK).
        const { options, wordBreak, index } = globalThis.lessonbookSearch;
        const words = new RegExp(wordBreak, "u");
        return globalThis.MiniSearch.loadJS(index, { ...options, tokenize: (text) => text.split(words).filter(Boolean) });
      });
    return searchReady;
  }

  function resultItem(hit) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = root + hit.url;
    link.textContent = hit.title || hit.page;
    const page = document.createElement("span");
    page.className = "page";
    page.textContent = hit.page;
    link.append(page);
    item.append(link);
    return item;
  }

  function showResults(results, query, found) {
    results.replaceChildren();
    if (!query) return;
    if (!found.length) {
      const none = document.createElement("p");
      none.textContent = (results.dataset.none || "").replace("{q}", query);
      results.append(none);
      return;
    }
    const list = document.createElement("ul");
    list.append(...found.slice(0, 20).map(resultItem));
    results.append(list);
  }

  /** Arrow keys move between the search box and its results; Escape clears or returns. */
  function searchKeys(input, results) {
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        input.value = "";
        showResults(results, "", []);
      } else if (event.key === "ArrowDown") {
        results.querySelector("a")?.focus();
        event.preventDefault();
      }
    });
    results.addEventListener("keydown", (event) => {
      const links = [...results.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        (links[at + (event.key === "ArrowDown" ? 1 : -1)] || input).focus();
        event.preventDefault();
      } else if (event.key === "Escape") input.focus();
    });
  }

  function setupSearch() {
    const input = document.getElementById("lb-search");
    const results = document.getElementById("lb-results");
    if (!input || !results) return;
    input.addEventListener("focus", () => searchIndex().catch(() => {}), { once: true });
    input.addEventListener("input", () => {
      const query = input.value.trim();
      const options = { prefix: true, fuzzy: 0.15, combineWith: "AND", boost: { title: 2 } };
      searchIndex().then(
        (index) => showResults(results, query, query ? index.search(query, options) : []),
        () => {},
      );
    });
    searchKeys(input, results);
    // "/" jumps to the search box, as on many documentation sites.
    document.addEventListener("keydown", (event) => {
      if (event.key !== "/" || presenting >= 0 || typing(event.target)) return;
      input.focus();
      event.preventDefault();
    });
  }

  /** The replay's steps at the chosen pace: as recorded, twice as fast, or 40 ms apart. */
  const paced = (steps, pace) =>
    pace === "slow" ? steps.map((step, i) => ({ ...step, at: i * 40 })) : steps.map((step) => ({ ...step, at: step.at / Number(pace) }));

  /** Stream replay: the cell's printed output grows as the recorded events arrived. */
  function setupReplay(replay) {
    const target = replay.closest(".cell")?.querySelector(".output.stdout pre code");
    if (!target) return;
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
      const planned = paced(steps, replay.querySelector(".replay-pace").value);
      timers = planned.map((step, i) =>
        setTimeout(() => {
          target.textContent = full.slice(0, step.end);
          if (i < planned.length - 1) return;
          replay.dataset.state = "done";
          status.textContent = status.dataset.done;
        }, step.at),
      );
    });
  }

  /** Presenter view: one slide (the title, then each cell) per screen; keys move between them. */
  function setupPresenter() {
    const button = document.querySelector("button.present");
    const slides = [...document.querySelectorAll("main .lesson-head, main .cell")];
    if (!button || !slides.length) return;
    const bar = document.createElement("div");
    bar.className = "presenter-bar";
    const show = (index) => {
      presenting = Math.max(0, Math.min(slides.length - 1, index));
      for (const [i, slide] of slides.entries()) slide.classList.toggle("current", i === presenting);
      const slide = slides[presenting];
      for (let parent = slide.parentElement; parent; parent = parent.parentElement) if (parent.tagName === "DETAILS") parent.open = true;
      if (slide.id) history.replaceState(null, "", `#${slide.id}`);
      bar.textContent = `${presenting + 1} / ${slides.length} · ${button.dataset.help}`;
      window.scrollTo(0, 0);
    };
    const enter = () => {
      document.body.classList.add("presenting");
      document.body.append(bar);
      show(
        Math.max(
          0,
          slides.findIndex((slide) => slide.id && `#${slide.id}` === location.hash),
        ),
      );
    };
    const leave = () => {
      document.body.classList.remove("presenting");
      for (const slide of slides) slide.classList.remove("current");
      bar.remove();
      slides[presenting]?.scrollIntoView();
      presenting = -1;
    };
    button.addEventListener("click", enter);
    if (new URLSearchParams(location.search).has("present")) enter();
    document.addEventListener("keydown", (event) => presenterKey(event, show, leave, slides.length));
  }

  const MOVES = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };

  function presenterKey(event, show, leave, count) {
    if (presenting < 0 || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key in MOVES && !(event.key === " " && event.target.tagName === "BUTTON")) show(presenting + MOVES[event.key]);
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(count - 1);
    else if (event.key === "Escape") leave();
    else return;
    event.preventDefault();
  }

  for (const element of document.querySelectorAll(".search, .copy, .present, .replay")) element.hidden = false;
  setupCopy();
  setupSearch();
  for (const replay of document.querySelectorAll(".replay")) setupReplay(replay);
  setupPresenter();
})();
