// Colour for the terminal. Renderers receive a Style and stay pure; whether colour is
// on is decided once, at the edge (TTY and NO_COLOR), by the CLI.
import { styleText } from "node:util";

type Format = Parameters<typeof styleText>[0];

export type Style = (format: Format, text: string) => string;

export const plain: Style = (_format, text) => text;
export const colored: Style = (format, text) => (text === "" ? text : styleText(format, text, { validateStream: false }));

export const styleFor = (color: boolean): Style => (color ? colored : plain);
