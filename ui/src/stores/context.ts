// The stores reach components through Svelte context, one typed getter per
// store, so a component names what it reads and nothing is threaded through
// props. `provideStores` runs once, in App.
import { getContext, setContext } from "svelte";
import type { Stores } from "./index.svelte";

const KEY = Symbol("byline.stores");

export function provideStores(stores: Stores): Stores {
  return setContext(KEY, stores);
}

function stores(): Stores {
  const found = getContext<Stores | undefined>(KEY);
  if (!found) throw new Error("Byline's stores are read inside App, which provides them");
  return found;
}

export const problems = () => stores().problems;
export const library = () => stores().library;
export const doc = () => stores().doc;
export const panels = () => stores().panels;
export const modes = () => stores().modes;
export const mirror = () => stores().mirror;
export const site = () => stores().site;
export const imports = () => stores().imports;
export const preview = () => stores().preview;
export const palette = () => stores().palette;
/// The whole set, for what spans stores (panel toggles, shortcuts).
export const app = () => stores();
