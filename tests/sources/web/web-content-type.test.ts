import { describe, expect, it } from "vitest";
import { webFileName, webFormat } from "../../../src/sources/web/web-content-type.ts";

const url = (path: string) => new URL(`https://www.kommun.se${path}`);

describe("webFormat and webFileName", () => {
  it("names HTML pages .html whatever their address ends in", () => {
    expect(webFileName(url("/politik/styrdokument"), "html")).toBe("styrdokument.html");
    expect(webFileName(url("/sida.aspx?id=3"), "html")).toBe("sida.html");
    expect(webFileName(url("/"), "html")).toBe("index.html");
    expect(webFileName(url("/protokoll-2024.03.12"), "html")).toBe("protokoll-2024.03.12.html");
  });

  it("keeps a file's own name and decodes it", () => {
    expect(webFileName(url("/download/18.1a2b/Reglemente%20f%C3%B6r%20HSN.pdf"), "pdf")).toBe(
      "Reglemente för HSN.pdf",
    );
    expect(webFileName(url("/dokument/plan.DOCX"), "docx")).toBe("plan.DOCX");
  });

  it("reads the type from Content-Type and falls back on the extension for generic types", () => {
    expect(webFormat("text/html; charset=utf-8", url("/a"))).toBe("html");
    expect(webFormat("application/octet-stream", url("/a.pdf"))).toBe("pdf");
    expect(webFormat("text/plain", url("/readme.md"))).toBe("md");
    expect(webFormat("application/octet-stream", url("/a.zip"))).toBeNull();
    expect(webFormat("image/png", url("/a.pdf"))).toBeNull();
  });
});
