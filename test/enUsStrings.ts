// The web part's strings module under jest: the real en-us file, evaluated as SPFx's AMD loader would.
import { loadLocale } from './loadLocale';

export = loadLocale('en-us.js');
