/**
 * Builds elements from text only. The page never assigns HTML from strings (its CSP requires
 * Trusted Types, so such an assignment would throw): article text, messages and suggestions all
 * become text nodes.
 */
type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`mtlint page: missing #${id}`);
  return element as T;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/**
 * A message as text, with the `quoted` parts the engine marks with backticks set as code: still
 * text nodes only.
 */
export function richMessage(message: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  message.split(/(`[^`]*`)/).forEach((part) => {
    if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) {
      fragment.append(h('code', { class: 'quoted' }, part.slice(1, -1)));
    } else if (part !== '') {
      fragment.append(part);
    }
  });
  return fragment;
}
