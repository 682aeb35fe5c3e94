// Builds DOM elements from data with textContent only, so names from the API can never inject markup.
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element as T;
}

/** A loading line for a section while its request runs. */
export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

/** An error line: what failed and why, in words. */
export function failure(what: string, error: unknown): HTMLElement {
  const reason = error instanceof Error ? error.message : String(error);
  return h('p', { class: 'error', role: 'alert' }, `Could not load ${what}: ${reason}`);
}

/** Fills a section with a loading line, runs the load, then renders its result or the error. */
export async function loadInto<T>(
  section: Element,
  what: string,
  load: () => Promise<T>,
  render: (value: T) => (Child | Child[])[] | Child,
): Promise<T | undefined> {
  fill(section, loading(what));
  section.setAttribute('aria-busy', 'true');
  try {
    const value = await load();
    const rendered = render(value);
    fill(section, ...(Array.isArray(rendered) ? rendered : [rendered]));
    return value;
  } catch (error) {
    fill(section, failure(what, error));
    return undefined;
  } finally {
    section.removeAttribute('aria-busy');
  }
}
