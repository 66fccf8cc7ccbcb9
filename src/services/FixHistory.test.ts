import { FixHistory } from './FixHistory';
import { MemoryStore } from '../../test/fakes/MemoryStore';

const PICTURE = { timestamp: '2025-01-10T08:00:00.000Z', placeholder: false, exchangeSyncState: '1' };
const AT = new Date('2026-11-30T10:00:00Z');

describe('FixHistory', () => {
  test('remembers the steps and the copy for one photo, across instances (visits)', () => {
    const store = new MemoryStore();
    new FixHistory(store, 'k').recordSteps('photo:a', PICTURE, AT);
    new FixHistory(store, 'k').recordCopy('photo:a', 'copied', PICTURE, new Date('2026-12-01T10:00:00Z'));
    expect(new FixHistory(store, 'k').read('photo:a')).toEqual({
      exchangeTag: 'photo:a',
      stepsDoneAt: AT.toISOString(),
      stepsPicture: PICTURE,
      copy: { at: '2026-12-01T10:00:00.000Z', outcome: 'copied', picture: PICTURE },
      version: 1
    });
  });

  test('a new Exchange photo starts a new history', () => {
    const store = new MemoryStore();
    const history = new FixHistory(store, 'k');
    history.recordSteps('photo:a', PICTURE, AT);
    expect(history.read('photo:b')).toBeUndefined();
    expect(history.read(undefined)).toBeUndefined();
    history.recordCopy('photo:b', 'failed', PICTURE, AT);
    expect(history.read('photo:b')).toMatchObject({ exchangeTag: 'photo:b', copy: { outcome: 'failed' } });
    expect(history.read('photo:b')!.stepsDoneAt).toBeUndefined();
  });

  test('storage that fails or holds nonsense is not used; recording still answers for this visit', () => {
    const broken = { getItem: (): string => { throw new Error('blocked'); }, setItem: (): void => { throw new Error('full'); } };
    const history = new FixHistory(broken, 'k');
    expect(history.read('photo:a')).toBeUndefined();
    expect(history.recordSteps('photo:a', PICTURE, AT)).toMatchObject({ exchangeTag: 'photo:a', stepsDoneAt: AT.toISOString() });
    const store = new MemoryStore();
    store.setItem('k', '{not json');
    expect(new FixHistory(store, 'k').read('photo:a')).toBeUndefined();
    store.setItem('k', JSON.stringify({ version: 2, exchangeTag: 'photo:a' }));
    expect(new FixHistory(store, 'k').read('photo:a')).toBeUndefined();
    expect(new FixHistory(undefined, 'k').read('photo:a')).toBeUndefined();
  });
});
