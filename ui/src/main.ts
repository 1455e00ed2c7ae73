import { mount } from "svelte";
import App from "./App.svelte";
import DamagedLibrary from "./components/DamagedLibrary.svelte";
import { commands } from "./lib/bindings";
import { guardLinks } from "./lib/links";
import "../../assets/article.css";
import "./styles/app.css";

// Marks of the start, which benches/cold_start.rs reads to see where a
// cold start's time goes.
performance.mark("byline:script");
guardLinks(document, (error) => console.error("byline: could not open the link", error));
// A library that would not open gets a page of its own (what is wrong, and
// its newest good backup) instead of the window, which would need it.
const target = document.getElementById("byline:app")!;
commands.libraryProblem().then(
  (problem) => (performance.mark("byline:mount"), problem ? mount(DamagedLibrary, { target, props: { problem } }) : mount(App, { target })),
  () => mount(App, { target }),
);
