// The access token: kept in localStorage, asked for in a dialog when the API answers 401 (or when
// the viewer clicks "Access token"). `npm start` prints an admin token; `npm run token` mints others.
import { byId } from './dom';

const STORAGE_KEY = 'ecosystem-graph.token';

export function storedToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Private modes may refuse storage; the token then lasts for this page only.
  }
}

let memoryToken: string | null = null;
let pending: Promise<string | null> | undefined;

export function currentToken(): string | null {
  return memoryToken ?? storedToken();
}

/**
 * Opens the token dialog and resolves with the token entered, or null when cancelled. Requests
 * that fail together share one dialog.
 */
export function requestToken(reason?: string): Promise<string | null> {
  pending ??= new Promise<string | null>((resolve) => {
    const dialog = byId<HTMLDialogElement>('token-dialog');
    const form = byId<HTMLFormElement>('token-form');
    const input = byId<HTMLInputElement>('token-input');
    const message = byId('token-reason');
    message.textContent = reason ?? 'Paste a token printed by `npm start` or minted with `npm run token -- --role ADMIN`.';
    input.value = '';
    const finish = (token: string | null) => {
      form.removeEventListener('submit', onSubmit);
      cancel.removeEventListener('click', onCancel);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      pending = undefined;
      resolve(token);
    };
    const onSubmit = (event: Event) => {
      event.preventDefault();
      const token = input.value.trim().replace(/^Bearer\s+/i, '');
      if (!token) return input.focus();
      memoryToken = token;
      storeToken(token);
      finish(token);
    };
    const onClose = () => finish(null);
    const cancel = byId('token-cancel');
    const onCancel = () => dialog.close();
    cancel.addEventListener('click', onCancel, { once: true });
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    input.focus();
  });
  return pending;
}

/** Who the stored token speaks for, read from its payload (the API checks the signature; this only adapts the page). */
export function tokenViewer(): { role: string | null; partnerId: string | null } {
  const token = currentToken();
  try {
    const payload = JSON.parse(atob((token ?? '').split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      role?: unknown;
      partnerId?: unknown;
    };
    return {
      role: typeof payload.role === 'string' ? payload.role : null,
      partnerId: typeof payload.partnerId === 'string' ? payload.partnerId : null,
    };
  } catch {
    return { role: null, partnerId: null };
  }
}

/** A PARTNER token may ask per-partner analytics (matches, impact, overlap) only about its own partner. */
export function mayAskAbout(partnerId: string): boolean {
  const viewer = tokenViewer();
  return viewer.role !== 'PARTNER' || viewer.partnerId === partnerId;
}
