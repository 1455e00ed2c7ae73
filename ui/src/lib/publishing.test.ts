import { describe, expect, it } from "vitest";
import type { Publication } from "./bindings";
import { pulledLine, resultLine } from "./publishing";

const publication: Publication = {
  article: 1,
  account: "Blog",
  remote_id: "5",
  url: "http://wp.test/?p=5",
  status: "published",
  remote_version: "2026-11-30T15:21:13",
  sent_hash: "a",
  remote_hash: "b",
  sent_at: "2026-11-30T15:21:13Z",
};

describe("what Publish says", () => {
  it("names the account, the status and the images uploaded", () => {
    expect(resultLine({ outcome: "created", publication, images_uploaded: 3 }, "Blog")).toBe(
      "Published to Blog as published, 3 images uploaded.",
    );
    expect(resultLine({ outcome: "updated", publication, images_uploaded: 0 }, "Blog")).toBe("Updated on Blog.");
    expect(resultLine({ outcome: "unchanged", publication, images_uploaded: 0 }, "Blog")).toBe("Already up to date on Blog.");
  });
});

describe("what pulling the site's text says", () => {
  it("says whether the article changed", () => {
    const article = {} as never;
    expect(pulledLine({ article, publication, changed: true }, "Blog")).toBe(
      "Pulled the text from Blog as a new revision; Update sends it back.",
    );
    expect(pulledLine({ article, publication, changed: false }, "Blog")).toBe("The article already says what Blog has.");
  });
});
