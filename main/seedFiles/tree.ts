import { reject } from './entries';

/**
 * Reading the plain object tree fast-xml-parser builds: an element is a string (text only), an object
 * (children, '@Attr' attributes, '#text') or an array (the element repeated). Only own properties are read.
 */
export type Node = unknown;

const own = (node: Node, name: string): Node =>
  typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, name)
    ? (node as Record<string, unknown>)[name]
    : undefined;

/** The child at a path of element names; a repeated element where one is expected refuses the entry. */
export function child(node: Node, ...path: string[]): Node {
  let at = node;
  for (const name of path) {
    at = own(at, name);
    if (Array.isArray(at)) return reject('MALFORMED_ENTRY', `${name} repeated`);
  }
  return at;
}

/** An element's text, or undefined when absent or empty. */
export function text(node: Node, ...path: string[]): string | undefined {
  const at = child(node, ...path);
  const value = typeof at === 'string' ? at : own(at, '#text');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function attr(node: Node, name: string): string | undefined {
  const value = own(node, `@${name}`);
  return typeof value === 'string' ? value : undefined;
}

/** Elements that may repeat (KeyPackage): always a list. */
export function many(node: Node, name: string): Node[] {
  const at = own(node, name);
  return at === undefined ? [] : Array.isArray(at) ? at : [at];
}
