// Without Vega installed, renderReport says what to install instead of failing on an import.
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("vega");
  vi.resetModules();
});

describe("renderReport without vega", () => {
  it("says npm install vega vega-lite", async () => {
    vi.resetModules();
    vi.doMock("vega", () => {
      throw Object.assign(new Error("Cannot find package 'vega'"), { code: "ERR_MODULE_NOT_FOUND" });
    });
    const { renderReport } = await import("../../src/report/index.js");
    await expect(renderReport([])).rejects.toThrow("npm install vega vega-lite");
  });

  it("passes other errors on", async () => {
    vi.resetModules();
    vi.doMock("vega", () => {
      throw new TypeError("something else");
    });
    const { renderReport } = await import("../../src/report/index.js");
    const error: unknown = await renderReport([]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain("npm install");
  });
});
