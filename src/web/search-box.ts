// Search with autocomplete (Query.search): an ARIA combobox. Arrow keys move through the
// suggestions, Enter picks one, Escape closes them.
import { execute } from './api';
import { byId, fill, h } from './dom';
import { graphql } from './gql';

const SearchSuggestions = graphql(`
  query SearchSuggestions($text: String!) {
    search(text: $text, first: 8) {
      score
      node {
        __typename
        ... on Partner {
          id
          name
        }
        ... on Capability {
          id
          name
        }
        ... on Customer {
          id
          name
        }
        ... on Solution {
          id
          name
        }
      }
    }
  }
`);

export interface SearchPick {
  id: string;
  name: string;
  kind: 'Partner' | 'Capability' | 'Customer' | 'Solution';
}

const DEBOUNCE_MS = 200;

export class SearchBox {
  private readonly input = byId<HTMLInputElement>('search-input');
  private readonly listbox = byId<HTMLUListElement>('search-results');
  private readonly status = byId('search-status');
  private picks: SearchPick[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;

  constructor(private readonly onPick: (pick: SearchPick) => void) {
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.suggest(), DEBOUNCE_MS);
    });
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private async suggest(): Promise<void> {
    const text = this.input.value.trim();
    if (text.length < 2) return this.close();
    const request = ++this.request;
    this.status.textContent = 'Searching…';
    try {
      const { search } = await execute(SearchSuggestions, { text });
      if (request !== this.request) return;
      this.picks = search.map(({ node }) => ({ id: node.id, name: node.name, kind: node.__typename }));
      this.render();
      this.status.textContent = this.picks.length ? `${this.picks.length} suggestions` : 'No match';
    } catch (error) {
      if (request === this.request) this.status.textContent = `Search failed: ${(error as Error).message}`;
    }
  }

  private render(): void {
    this.active = -1;
    fill(
      this.listbox,
      this.picks.map((pick, i) =>
        h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-kind': pick.kind,
            'data-id': pick.id,
            onmousedown: (event) => event.preventDefault(),
            onclick: () => this.pick(i),
          },
          pick.name,
          h('span', { class: 'muted' }, ` ${pick.kind.toLowerCase()}`),
        ),
      ),
    );
    const open = this.picks.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!this.picks.length) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.picks.length) % this.picks.length;
      this.listbox.querySelectorAll('[role=option]').forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
      this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (this.picks.length) this.pick(Math.max(this.active, 0));
    } else if (event.key === 'Escape') {
      this.close();
    }
  }

  private pick(index: number): void {
    const pick = this.picks[index];
    if (!pick) return;
    this.input.value = pick.name;
    this.close();
    this.onPick(pick);
  }

  private close(): void {
    this.request++;
    this.picks = [];
    this.active = -1;
    this.listbox.hidden = true;
    this.listbox.replaceChildren();
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
