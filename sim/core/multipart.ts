// multipart/form-data bodies (file uploads) as simulators see them: the parts in the order
// they were sent. Node's own fetch parser reads them, so the boundary, quoting and line-ending
// rules are the platform's, not ours. `formDigest` stands in for a form wherever a request
// body is used as a key (the ids a request makes), with each file reduced to its sha256.
import { createHash } from "node:crypto";
import type { FormPart } from "./types.ts";

export const isMultipart = (contentType: string | undefined): boolean => /^multipart\/form-data\b/i.test(contentType ?? "");

/** The parts of a multipart body; throws when the body is not a well-formed form. */
export async function readForm(bytes: Uint8Array, contentType: string): Promise<FormPart[]> {
  const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
  const parts: FormPart[] = [];
  for (const [name, value] of form) {
    if (typeof value === "string") parts.push({ name, data: new TextEncoder().encode(value) });
    else parts.push({ name, filename: value.name, contentType: value.type || undefined, data: new Uint8Array(await value.arrayBuffer()) });
  }
  return parts;
}

export const sha256Hex = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** A JSON-able stand-in for a form: field values as text, files as name, type and sha256. */
export function formDigest(form: readonly FormPart[]): unknown {
  return form.map((part) =>
    part.filename === undefined
      ? { name: part.name, value: new TextDecoder().decode(part.data) }
      : { name: part.name, filename: part.filename, contentType: part.contentType ?? null, sha256: sha256Hex(part.data) },
  );
}

/** The text value of a field, or undefined when the form has no such text field. */
export function formField(form: readonly FormPart[] | undefined, name: string): string | undefined {
  const part = form?.find((candidate) => candidate.name === name && candidate.filename === undefined);
  return part && new TextDecoder().decode(part.data);
}

/** The first file part with this field name. */
export function formFile(form: readonly FormPart[] | undefined, name: string): FormPart | undefined {
  return form?.find((candidate) => candidate.name === name && candidate.filename !== undefined);
}
