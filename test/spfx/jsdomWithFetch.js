// jsdom, plus Node's own fetch primitives (Response, Headers, Request): the web part's real services and PnPjs run
// against a fake fetch in a page-like environment. jsdom itself has none of them.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Response', 'Headers', 'Request', 'AbortController', 'AbortSignal']) {
      if (typeof globalThis[name] !== 'undefined') {
        this.global[name] = globalThis[name];
      }
    }
  }
}

module.exports = JsdomWithFetch;
