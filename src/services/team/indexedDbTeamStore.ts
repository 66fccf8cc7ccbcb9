import { ITeamPersonResult } from '../../models/ITeam';
import { ITeamRemembered, ITeamVerdictStore } from './TeamChecker';

/** What is kept per person: the verdict, the small photos (bytes), when SharePoint stored the picture. */
interface IStoredEntry {
  account: string;
  fingerprint: string;
  verdict: ITeamPersonResult['verdict'];
  exchange?: { bytes: Uint8Array; contentType: string };
  sharePoint?: { bytes: Uint8Array; contentType: string };
  updated?: number;
}

const STORE = 'people';

/**
 * The team overview's memory of each person, in the browser's IndexedDB (one database per site and signed-in owner):
 * a few hundred people's small photos are too much for localStorage, and structured cloning keeps the bytes as bytes.
 * Any failure (private mode, blocked storage) makes it forget, never breaks the check.
 */
export function indexedDbTeamStore(name: string, factory: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB): ITeamVerdictStore {
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      if (!factory) {
        reject(new Error('no IndexedDB'));
        return;
      }
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'account' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  return {
    async load(): Promise<Map<string, ITeamRemembered>> {
      const db = await open();
      try {
        const entries = await new Promise<IStoredEntry[]>((resolve, reject) => {
          const request = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
          request.onsuccess = () => resolve(request.result as IStoredEntry[]);
          request.onerror = () => reject(request.error);
        });
        const out = new Map<string, ITeamRemembered>();
        for (const e of entries) {
          out.set(e.account, {
            fingerprint: e.fingerprint,
            result: {
              member: { displayName: '', userPrincipalName: '', accountName: e.account, guest: false },
              verdict: e.verdict,
              exchangePhoto: e.exchange,
              sharePointPhoto: e.sharePoint,
              sharePointUpdated: e.updated !== undefined ? new Date(e.updated) : undefined
            }
          });
        }
        return out;
      } finally {
        db.close();
      }
    },
    async update(changed: Map<string, ITeamRemembered>, keep: ReadonlySet<string>): Promise<void> {
      const db = await open();
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(STORE, 'readwrite');
          const store = tx.objectStore(STORE);
          // Only what changed is written (each put clones its photos on the page's thread); people no longer on the
          // roster are deleted by key.
          changed.forEach((entry, account) => {
            const r = entry.result;
            const stored: IStoredEntry = {
              account,
              fingerprint: entry.fingerprint,
              verdict: r.verdict,
              exchange: r.exchangePhoto,
              sharePoint: r.sharePointPhoto,
              updated: r.sharePointUpdated ? r.sharePointUpdated.getTime() : undefined
            };
            store.put(stored);
          });
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            for (const key of keys.result) {
              if (!keep.has(String(key))) {
                store.delete(key);
              }
            }
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    }
  };
}
