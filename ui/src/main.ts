import { flushSync, mount } from "svelte";
import App from "./App.svelte";
import DamagedLibrary from "./components/DamagedLibrary.svelte";
import { commands } from "./lib/bindings";
import { guardLinks } from "./lib/links";
import { DEFAULT_VIEW, firstPage } from "./lib/listing";
import { platformOf } from "./lib/platform";
import type { Started } from "./stores/index.svelte";
import "../../assets/article.css";
import "./styles/app.css";

// Marks of the start, which benches/cold_start.rs reads to see where a
// cold start's time goes.
performance.mark("byline:script");
guardLinks(document, (error) => console.error("byline: could not open the link", error));
document.documentElement.dataset.platform = platformOf(navigator.userAgent);
const target = document.getElementById("byline:app")!;
// The window's first frame is the writer's article: the list's first page
// and the article it opens, rendered, are asked for at once, beside whether
// the library opened at all, and the window is built (synchronously, effects
// and the editor included) when both are in.
const query = firstPage(DEFAULT_VIEW, 0);
const started: Promise<Started> = commands.windowStart(query).then(
  (ok) => ({ ok, query }),
  (error: unknown) => ({ error }),
);
const showApp = async () => {
  const props = { started: await started };
  performance.mark("byline:mount");
  mount(App, { target, props });
  flushSync();
  performance.mark("byline:shown");
};
// A library that would not open gets a page of its own (what is wrong, and
// its newest good backup) instead of the window, which would need it.
commands.libraryProblem().then(
  (problem) => (problem ? mount(DamagedLibrary, { target, props: { problem } }) : showApp()),
  showApp,
);
