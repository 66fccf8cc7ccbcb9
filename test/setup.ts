// jsdom lacks TextEncoder/TextDecoder in some versions; Node's are the same API.
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as unknown as { TextEncoder?: unknown; TextDecoder?: unknown };
if (!g.TextEncoder) {
  g.TextEncoder = TextEncoder;
}
if (!g.TextDecoder) {
  g.TextDecoder = TextDecoder;
}
