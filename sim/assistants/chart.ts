// The chart a simulated code interpreter "draws": a plain bar chart of the values its answer
// names, as a real PNG (480 × 300) that any image viewer opens. No text: the conclusion says
// what the bars are, as the model's own message would.
import { encodePng } from "../core/png.ts";

const WIDTH = 480;
const HEIGHT = 300;
const MARGIN = 30;
type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [255, 255, 255];
const GRID: Rgb = [225, 225, 225];
const AXIS: Rgb = [90, 90, 90];
const BAR: Rgb = [31, 119, 180]; // matplotlib's first colour, as the code interpreter's charts had

function fill(pixels: Uint8Array, x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
  for (let y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(WIDTH, x1); x++) pixels.set(colour, (y * WIDTH + x) * 3);
  }
}

/** A bar per value, scaled so the largest reaches 90% of the plot; negative values count as 0. */
export function barChartPng(values: readonly number[]): Uint8Array {
  const pixels = new Uint8Array(WIDTH * HEIGHT * 3);
  fill(pixels, 0, 0, WIDTH, HEIGHT, BACKGROUND);
  const plotHeight = HEIGHT - 2 * MARGIN;
  const baseline = HEIGHT - MARGIN;
  for (let line = 1; line <= 4; line++)
    fill(
      pixels,
      MARGIN,
      baseline - Math.round((plotHeight * line) / 4),
      WIDTH - MARGIN,
      baseline - Math.round((plotHeight * line) / 4) + 1,
      GRID,
    );
  const largest = Math.max(1e-9, ...values);
  const slot = (WIDTH - 2 * MARGIN) / Math.max(1, values.length);
  values.forEach((value, i) => {
    const height = Math.round((Math.max(0, value) / largest) * plotHeight * 0.9);
    const left = Math.round(MARGIN + i * slot + slot * 0.15);
    fill(pixels, left, baseline - height, Math.round(left + slot * 0.7), baseline, BAR);
  });
  fill(pixels, MARGIN, baseline, WIDTH - MARGIN, baseline + 2, AXIS);
  fill(pixels, MARGIN - 2, MARGIN, MARGIN, baseline + 2, AXIS);
  return encodePng(WIDTH, HEIGHT, pixels);
}
