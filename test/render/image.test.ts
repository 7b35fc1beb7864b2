// Images a lesson shows: only plain image file names with the matching signature are accepted
// (they become files next to the report), and the report links them from its images folder.
import { describe, expect, it } from "vitest";
import { imageType } from "../../src/helpers/image.ts";
import { renderReport } from "../../src/render/report.ts";
import { testCell, testNotebook } from "../support/cells.ts";

const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);

describe("show_image's checks", () => {
  it("accepts a PNG named .png and gives its content type", () => {
    expect(imageType("quiz-averages.png", PNG)).toBe("image/png");
  });

  it("refuses names that are not plain image file names", () => {
    for (const name of ["../escape.png", "Chart.png", "chart.svg", "chart", "a/b.png", ".png"]) {
      expect(() => imageType(name, PNG)).toThrow(
        `show_image: ${JSON.stringify(name)} is not an image file name; use lower-case letters, digits, ".", "-" or "_" and end in .png, .jpg, .gif or .webp`,
      );
    }
  });

  it("refuses bytes that are not the format the name says", () => {
    expect(() => imageType("chart.png", new TextEncoder().encode("<svg onload=alert(1)>"))).toThrow(
      "show_image: the 21 bytes given for chart.png are not a PNG image",
    );
    expect(() => imageType("chart.jpg", PNG)).toThrow("show_image: the 12 bytes given for chart.jpg are not a JPG image");
  });
});

describe("an image in the report", () => {
  it("is linked from the report's images folder under its name", () => {
    const cells = [
      testCell(0, 0, "markdown", undefined, "# Charts"),
      testCell(1, 1, "code", "Show the chart", "show_image(bytes, 'quiz.png');"),
    ];
    const report = renderReport({
      run: {
        notebook: testNotebook("lessons/15-charts.ts", "Charts", cells),
        status: "ok",
        results: [
          { cell: cells[0]!, status: "ok", outputs: [] },
          { cell: cells[1]!, status: "ok", outputs: [{ type: "image", name: "quiz.png", contentType: "image/png", data: PNG }] },
        ],
      },
      lessonFile: "lessons/15-charts.ts",
      command: "npm run lesson 15",
      mode: "replay",
      fixtureFile: undefined,
      provenance: undefined,
      imagesDir: "15-charts",
    });
    expect(report).toContain("**[1] Show the chart**\n\n```ts\nshow_image(bytes, 'quiz.png');\n```\n\n![quiz.png](15-charts/quiz.png)\n");
  });
});
