import { describe, expect, it } from "vitest";
import { describeAccount, missing, newAccount } from "./accounts";

describe("publishing accounts in Settings", () => {
  it("describes an account by kind, site and user", () => {
    const at = "2026-11-30T14:00:00Z";
    expect(describeAccount({ name: "Blog", kind: "wordpress", site: "https://x.org", user: "ann", added_at: at })).toBe(
      "WordPress · https://x.org as ann",
    );
    expect(describeAccount({ name: "News", kind: "ghost", site: "https://g.org", user: "", added_at: at })).toBe(
      "Ghost · https://g.org",
    );
  });

  it("sends a user only for WordPress", () => {
    expect(newAccount({ name: " N ", kind: "ghost", site: " https://g.org ", user: "ann" })).toEqual({
      name: "N",
      kind: "ghost",
      site: "https://g.org",
      user: "",
    });
  });

  it("says what is missing before asking the backend", () => {
    const form = { name: "Blog", kind: "wordpress" as const, site: "https://x.org", user: "" };
    expect(missing(form, "pw")).toBe("Give the WordPress user name.");
    expect(missing({ ...form, user: "ann" }, " ")).toBe("Paste the application password.");
    expect(missing({ ...form, user: "ann" }, "pw")).toBeNull();
    expect(missing({ ...form, kind: "ghost" }, "")).toBe("Paste the Admin API key.");
  });
});
