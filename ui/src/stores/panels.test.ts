import { describe, expect, it } from "vitest";
import { PanelStore } from "./panels.svelte";

describe("PanelStore", () => {
  it("shows one panel at a time and hides it on a second toggle", () => {
    const panels = new PanelStore();
    panels.toggle("details", true, false);
    expect(panels.open).toBe("details");
    panels.toggle("history", true, false);
    expect(panels.open).toBe("history");
    panels.toggle("history", true, false);
    expect(panels.open).toBeNull();
  });

  it("shows an article's panels only for a writable article", () => {
    const panels = new PanelStore();
    for (const which of ["details", "history", "faq"] as const) {
      panels.toggle(which, false, false);
      expect(panels.open).toBeNull();
    }
    panels.toggle("settings", false, false);
    expect(panels.open).toBe("settings");
    expect(panels.global).toBe(true);
  });

  it("shows the import report only once there is one", () => {
    const panels = new PanelStore();
    panels.toggle("import", false, false);
    expect(panels.open).toBeNull();
    panels.toggle("import", false, true);
    expect(panels.open).toBe("import");
  });

  it("closes History and FAQ when a trashed article opens, and the popovers always", () => {
    const panels = new PanelStore();
    panels.show("faq");
    panels.exportOpen = true;
    panels.outlineOpen = true;
    panels.opened(false);
    expect(panels.open).toBe("faq");
    expect(panels.exportOpen).toBe(false);
    expect(panels.outlineOpen).toBe(false);
    panels.opened(true);
    expect(panels.open).toBeNull();
    panels.show("details");
    panels.opened(true);
    expect(panels.open).toBe("details");
    expect(panels.global).toBe(false);
  });

  it("asks the showing panel before it goes, and keeps it when told to", () => {
    const panels = new PanelStore();
    panels.toggle("settings", false, false);
    let refuse = true;
    panels.beforeClose = () => !refuse;
    panels.close();
    panels.toggle("settings", false, false);
    panels.show("details");
    expect(panels.open).toBe("settings");
    refuse = false;
    panels.close();
    expect(panels.open).toBeNull();
  });
});
