// The ecosystem map page: wires the tabs, the map, the partner panel, the gaps table, the solution
// builder, search and the token entry together. Everything talks to the API through ./api.
import './styles.css';
import { loadCatalog, type Catalog } from './catalog';
import { DealPanel } from './deal-panel';
import { byId, failure, fill } from './dom';
import { GapsTable } from './gaps-table';
import { MapSection } from './map-section';
import { PartnerPanel } from './partner-panel';
import { SearchBox, type SearchPick } from './search-box';
import { SolutionBuilder } from './solution-builder';
import { currentToken, requestToken } from './token-entry';

type Tab = 'map' | 'gaps' | 'builder';
const TABS: Tab[] = ['map', 'gaps', 'builder'];

const map = new MapSection(
  (id) => void openPartner(id),
  (id) => void map.filterByCapability(id),
);
const panel = new PartnerPanel(
  () =>
    [...byId('partner-list').querySelectorAll<HTMLButtonElement>('button[data-partner-id]')].map((b) => ({
      id: b.dataset.partnerId!,
      label: b.textContent ?? '',
    })),
  (id) => map.highlight(id),
  (dealId) => void openDeal(dealId),
);
// The deal panel takes the partner panel's place; "Back" shows the partner again.
const deal = new DealPanel(
  () => (byId('partner-panel').hidden = false),
  (id) => void openPartner(id),
);
const gaps = new GapsTable((id) => void openPartner(id));
const builder = new SolutionBuilder((id) => void openPartner(id));

function showTab(tab: Tab): void {
  for (const t of TABS) {
    const button = byId(`tab-${t}`);
    button.setAttribute('aria-selected', String(t === tab));
    button.tabIndex = t === tab ? 0 : -1;
    byId(`panel-${t}`).hidden = t !== tab;
  }
  if (tab === 'gaps') void gaps.showOnce();
}

async function openPartner(id: string): Promise<void> {
  showTab('map');
  deal.hide();
  await panel.open(id);
}

async function openDeal(id: string): Promise<void> {
  byId('partner-panel').hidden = true;
  await deal.open(id);
}

function picked(pick: SearchPick): void {
  if (pick.kind === 'Partner') return void openPartner(pick.id);
  showTab('map');
  if (pick.kind === 'Capability') return void map.filterByCapability(pick.id);
  if (!map.highlight(pick.id))
    byId('search-status').textContent = `${pick.name} is not on the map${pick.kind === 'Customer' ? ': tick “Show customers”' : ''}.`;
}

function wireTabs(): void {
  TABS.forEach((tab, index) => {
    const button = byId(`tab-${tab}`);
    button.addEventListener('click', () => showTab(tab));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = TABS[(index + step + TABS.length) % TABS.length]!;
      showTab(next);
      byId(`tab-${next}`).focus();
    });
  });
}

async function start(): Promise<void> {
  wireTabs();
  new SearchBox(picked);
  byId('token-button').addEventListener('click', () => {
    void requestToken().then((token) => {
      if (token) void boot();
    });
  });
  showTab('map');
  // Ask for the token before the first call, so the page never sends a request the API must refuse with 401.
  if (!currentToken()) await requestToken();
  await boot();
}

async function boot(): Promise<void> {
  let catalog: Catalog;
  try {
    catalog = await loadCatalog();
  } catch (error) {
    const status = byId('map-status');
    status.dataset.state = 'error';
    fill(status, failure('the ecosystem', error));
    return;
  }
  gaps.setCatalog(catalog);
  builder.setCatalog(catalog);
  await map.start(catalog);
}

// A handle for the end-to-end test, which clicks nodes on the canvas at their drawn positions.
declare global {
  interface Window {
    ecosystemMap?: { viewportPosition(id: string): { x: number; y: number } | null; displayedLabels(): string[] };
  }
}
window.ecosystemMap = { viewportPosition: (id) => map.viewportPosition(id), displayedLabels: () => map.displayedLabels() };

void start();
