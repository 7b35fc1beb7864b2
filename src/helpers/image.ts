// Images a lesson shows (a chart a tool made). They are saved next to the report and linked
// from it, so their name becomes a file name and their bytes a file the site serves: a name
// is a plain lower-case file name with an image extension, and the bytes must start with that
// format's signature. The bytes came from a server; anything else is refused, not written.

/** A file name of lower-case letters, digits, dots, hyphens and underscores, with an image extension. */
const IMAGE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}\.(png|jpe?g|gif|webp)$/;

const FORMATS: Record<string, { contentType: string; matches: (bytes: Uint8Array) => boolean }> = {
  png: { contentType: "image/png", matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  jpg: { contentType: "image/jpeg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  gif: { contentType: "image/gif", matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === "GIF8" },
  webp: {
    contentType: "image/webp",
    matches: (b) => String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP",
  },
};

/** The image's content type; throws a TypeError naming what is wrong with the name or the bytes. */
export function imageType(name: string, bytes: Uint8Array): string {
  const extension = IMAGE_NAME.exec(name)?.[1];
  if (!extension) {
    throw new TypeError(
      `show_image: ${JSON.stringify(name)} is not an image file name; use lower-case letters, digits, ".", "-" or "_" and end in .png, .jpg, .gif or .webp`,
    );
  }
  const format = FORMATS[extension === "jpeg" ? "jpg" : extension]!;
  if (!format.matches(bytes))
    throw new TypeError(`show_image: the ${bytes.length} bytes given for ${name} are not a ${extension.toUpperCase()} image`);
  return format.contentType;
}
