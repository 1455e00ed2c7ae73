// The site settings, and the boilerplate they add to every article,
// rendered for the preview.
import type { Boilerplate } from "../components/Preview.svelte";
import { commands, type SiteSettings, type SpellcheckStatus } from "../lib/bindings";
import type { SaveState } from "../lib/autosave";
import type { ProblemStore } from "./problem.svelte";

export class SiteStore {
  /// The settings as last saved (null while they load).
  settings = $state<SiteSettings | null>(null);
  boilerplate = $state<Boilerplate>({ share: "", newsletter: "", footer: "" });
  /// The Settings form's edits: saving as they are typed, saved, or refused
  /// (the status bar says so, and never "Saved" while one is pending).
  editing = $state<SaveState>({ kind: "saved" });
  /// Saves what the Settings form holds now (Ctrl+S); set by the form.
  flush: (() => Promise<unknown>) | null = null;
  /// What the window's spell checker loaded for these settings (null until
  /// the engine has said).
  spelling = $state<SpellcheckStatus | null>(null);
  private version = 0;

  constructor(private readonly problems: ProblemStore) {}

  async load() {
    try {
      await this.apply(await commands.siteSettings());
    } catch (error) {
      this.problems.show(error);
    }
  }

  async apply(settings: SiteSettings) {
    this.settings = settings;
    void this.refreshSpelling();
    // Only the newest settings' rendering is shown.
    const version = ++this.version;
    const render = (markdown: string) => (markdown.trim() === "" ? Promise.resolve("") : commands.renderAnswer(null, markdown));
    try {
      const [share, newsletter, footer] = await Promise.all([
        render(settings.share_prompt),
        render(settings.newsletter),
        render(settings.footer),
      ]);
      if (version === this.version) this.boilerplate = { share, newsletter, footer };
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// Takes the site chrome an import dropped as the site's boilerplate
  /// (only the parts the site had none of; `boilerplateOffer` decides).
  async useBoilerplate(offer: { share_prompt: string; newsletter: string }): Promise<boolean> {
    if (!this.settings) return false;
    const next = { ...this.settings };
    if (offer.share_prompt && next.share_prompt.trim() === "") next.share_prompt = offer.share_prompt;
    if (offer.newsletter && next.newsletter.trim() === "") next.newsletter = offer.newsletter;
    try {
      await this.apply(await commands.setSiteSettings(next));
      return true;
    } catch (error) {
      this.problems.show(error);
      return false;
    }
  }

  /// Asks the engine what it checks spelling with now (the backend applies
  /// the settings before answering anything asked after them).
  async refreshSpelling() {
    try {
      this.spelling = await commands.spellcheckStatus();
    } catch (error) {
      this.problems.show(error);
    }
  }
}
