// jsdom lacks TextEncoder/TextDecoder in some versions; Node's are the same API.
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as unknown as { TextEncoder?: unknown; TextDecoder?: unknown };
if (!g.TextEncoder) {
  g.TextEncoder = TextEncoder;
}
if (!g.TextDecoder) {
  g.TextDecoder = TextDecoder;
}

// jsdom has no object URLs: hand out stable fake ones so <img> elements render.
let nextBlob = 0;
const urlApi = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
if (!urlApi.createObjectURL) {
  urlApi.createObjectURL = () => `blob:test/${++nextBlob}`;
  urlApi.revokeObjectURL = () => undefined;
}

// SharePoint registers Fluent UI's icon font on the page; tests don't, so silence the "not registered" warnings.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { setIconOptions } = require('@fluentui/react/lib/Styling') as typeof import('@fluentui/react/lib/Styling');
setIconOptions({ disableWarnings: true });

// findBy* and waitFor wait for what a person waits for; on a busy machine that can take longer than the 1 s default.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { configure } = require('@testing-library/react') as typeof import('@testing-library/react');
configure({ asyncUtilTimeout: 5000 });
