import { describe, expect, it } from "vitest";
import { parseRobotsRules } from "../../../src/sources/web/robots-rules.ts";

const at = (path: string) => new URL(`https://www.kommun.se${path}`);

describe("parseRobotsRules", () => {
  it("lets the longest matching rule win and Allow win a tie", () => {
    const rules = parseRobotsRules(
      "User-agent: *\nDisallow: /dokument/\nAllow: /dokument/publika/\nDisallow: /x\nAllow: /x\n",
      "Samsyn",
    );
    expect(rules.allows(at("/dokument/intern.pdf"))).toBe(false);
    expect(rules.allows(at("/dokument/publika/reglemente.pdf"))).toBe(true);
    expect(rules.allows(at("/x"))).toBe(true);
    expect(rules.allows(at("/annat"))).toBe(true);
  });

  it("uses the group naming Samsyn instead of *, in any case", () => {
    const text =
      "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nUser-agent: samsyn\nDisallow: /sok\nCrawl-delay: 2\n";
    const rules = parseRobotsRules(text, "Samsyn");
    expect(rules.allows(at("/styrdokument"))).toBe(true);
    expect(rules.allows(at("/sok?q=a"))).toBe(false);
    expect(rules.crawlDelayMs).toBe(2000);
    expect(parseRobotsRules(text, "AnnanBot").allows(at("/styrdokument"))).toBe(false);
  });

  it("understands * and $ and ignores comments and empty Disallow", () => {
    const rules = parseRobotsRules(
      "# kommentar\nUser-agent: *\nDisallow: /*.pdf$ # inga pdf\nDisallow:\n",
      "Samsyn",
    );
    expect(rules.allows(at("/a/b.pdf"))).toBe(false);
    expect(rules.allows(at("/a/b.pdf?v=2"))).toBe(true);
    expect(rules.allows(at("/a/b.html"))).toBe(true);
  });

  it("compares rules written with å against percent-encoded addresses", () => {
    const rules = parseRobotsRules("User-agent: *\nDisallow: /nämnder/\n", "Samsyn");
    expect(rules.allows(at("/nämnder/protokoll"))).toBe(false);
  });

  it("always allows robots.txt itself", () => {
    expect(parseRobotsRules("User-agent: *\nDisallow: /\n", "Samsyn").allows(at("/robots.txt"))).toBe(true);
  });
});
